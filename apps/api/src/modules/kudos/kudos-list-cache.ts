/**
 * The serialised answer of GET /api/kudos per user, kept until that user's
 * kudos change. Reads far outnumber writes, and a hit skips the database and
 * JSON serialisation. Every write invalidates the entry here and, through the
 * event bus, on every other instance.
 *
 * A generation counter per user closes the race where a read that started
 * before a write stores its (old) answer after the write invalidated it.
 */
import { createHash } from 'node:crypto';
import { channels, type EventBus } from '../../core/events.ts';

export interface CachedList {
  /** The JSON answer as the UTF-8 bytes sent: no encoding or length scan per request. */
  body: Buffer;
  etag: string;
}

export interface ListCacheLimits {
  maxUsers: number;
  /** All cached answers together stay under this; the oldest go first. */
  maxTotalBytes: number;
  /** A list larger than this is answered without being kept: a handful would fill the budget. */
  maxEntryBytes: number;
}

const DEFAULT_LIMITS: ListCacheLimits = { maxUsers: 10_000, maxTotalBytes: 64 * 1024 * 1024, maxEntryBytes: 1024 * 1024 };

export class KudosListCache {
  private readonly entries = new Map<string, CachedList>();
  private totalBytes = 0;
  /** Per user, the value of `counter` at their last write; users absent from the map are at `clearedAt`. */
  private readonly generations = new Map<string, number>();
  private counter = 0;
  private clearedAt = 0;

  constructor(
    private readonly events: EventBus,
    private readonly limits: ListCacheLimits = DEFAULT_LIMITS,
  ) {}

  /** Subscribes to invalidations published by any instance. */
  async start(): Promise<() => void> {
    return this.events.subscribe(channels.kudosChanged, (event) => {
      const userId = (event as { userId?: unknown }).userId;
      if (typeof userId === 'string') this.forget(userId);
    });
  }

  get(userId: string): CachedList | undefined {
    return this.entries.get(userId);
  }

  generation(userId: string): number {
    return this.generations.get(userId) ?? this.clearedAt;
  }

  /** Stores an answer read at `generation`, unless a write has happened since. */
  set(userId: string, generation: number, json: string): CachedList {
    const body = Buffer.from(json, 'utf8');
    const entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (this.generation(userId) !== generation || body.length > this.limits.maxEntryBytes) return entry;
    this.drop(userId);
    while (this.entries.size > 0 && (this.entries.size >= this.limits.maxUsers || this.totalBytes + body.length > this.limits.maxTotalBytes)) {
      this.drop(this.entries.keys().next().value!);
    }
    this.entries.set(userId, entry);
    this.totalBytes += body.length;
    return entry;
  }

  /** How many answers are kept, and their bytes together. */
  get size(): { users: number; bytes: number } {
    return { users: this.entries.size, bytes: this.totalBytes };
  }

  private drop(userId: string): void {
    const entry = this.entries.get(userId);
    if (!entry) return;
    this.entries.delete(userId);
    this.totalBytes -= entry.body.length;
  }

  /** Called after every committed write of the user's kudos. */
  async invalidate(userId: string): Promise<void> {
    this.forget(userId);
    await this.events.publish(channels.kudosChanged, { userId });
  }

  private forget(userId: string): void {
    this.drop(userId);
    this.generations.set(userId, ++this.counter);
    // The counters only matter while a read may be in flight. To keep the map bounded, start over
    // with a generation no earlier read can hold.
    if (this.generations.size > this.limits.maxUsers * 2) {
      this.generations.clear();
      this.clearedAt = ++this.counter;
    }
  }
}
