/**
 * Recent GitHub answers, so repeated searches (paging back, a second tab)
 * spend none of GitHub's 10-30 searches a minute. An interface, so that
 * several instances can later share it (e.g. Redis with per-key expiry); this
 * one is an in-process LRU of bounded size.
 */
import type { RepoSummary } from '#contracts/search.ts';
import type { Clock } from '../../core/clock.ts';

export interface CachedSearch {
  total_count: number;
  incomplete_results: boolean;
  items: RepoSummary[];
}

export interface SearchCache {
  get(key: string): Promise<CachedSearch | undefined>;
  set(key: string, value: CachedSearch, ttlMs: number): Promise<void>;
}

export class MemoryLruSearchCache implements SearchCache {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  private readonly entries = new Map<string, { value: CachedSearch; expiresAt: number }>();

  constructor(private readonly clock: Clock, private readonly maxEntries = 500) {}

  async get(key: string): Promise<CachedSearch | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.clock.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: CachedSearch, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

export function searchCacheKey(q: string, page: number, perPage: number): string {
  return JSON.stringify([q, page, perPage]);
}
