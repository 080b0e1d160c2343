/**
 * Fixed-window counters for rules the generic per-IP limiter cannot express
 * (per account, per phone...). The store is an interface so that several
 * instances can later share their counts.
 */
import type { Clock } from './clock.ts';
import { RateLimitedError } from './errors.ts';

export interface CounterStore {
  /** Adds one to the key's count in the window that holds `now`; returns the new count and when the window ends. */
  increment(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }>;
  /** Takes one back from the key's count in its current window, if it has one. */
  decrement(key: string, now: number): Promise<void>;
  reset(key: string): Promise<void>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async increment(key: string, windowMs: number, now: number) {
    this.evictExpired(now);
    const current = this.windows.get(key);
    if (current && current.resetAt > now) {
      current.count += 1;
      return { ...current };
    }
    const fresh = { count: 1, resetAt: now + windowMs };
    this.windows.set(key, fresh);
    return { ...fresh };
  }

  async decrement(key: string, now: number) {
    const current = this.windows.get(key);
    if (current && current.resetAt > now && current.count > 0) current.count -= 1;
  }

  async reset(key: string) {
    this.windows.delete(key);
  }

  private evictExpired(now: number) {
    // Bounded memory: only sweep when the map has grown.
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export interface LimitRule {
  name: string;
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  constructor(private readonly store: CounterStore, private readonly clock: Clock) {}

  /** Counts one attempt against `rule` for `subject`; throws 429 once the limit is passed. */
  async consume(rule: LimitRule, subject: string): Promise<void> {
    const now = this.clock.now();
    const { count, resetAt } = await this.store.increment(`${rule.name}:${subject}`, rule.windowMs, now);
    if (count > rule.limit) {
      throw new RateLimitedError('RATE_LIMITED', 'Too many attempts; try again later', (resetAt - now) / 1000);
    }
  }

  /**
   * Counts one attempt against every rule, or against none: when one refuses,
   * the attempts already counted are taken back and its 429 is thrown.
   * Answers a function that takes them all back later (the attempt came to nothing).
   */
  async consumeAll(checks: { rule: LimitRule; subject: string; refused?: (error: RateLimitedError) => Error }[]): Promise<() => Promise<void>> {
    const counted: { rule: LimitRule; subject: string }[] = [];
    const refundAll = async () => {
      await Promise.all(counted.map(({ rule, subject }) => this.refund(rule, subject)));
    };
    for (const check of checks) {
      try {
        await this.consume(check.rule, check.subject);
        counted.push(check);
      } catch (error) {
        // The refused attempt was counted too (past the limit); it goes back with the others.
        if (error instanceof RateLimitedError) counted.push(check);
        await refundAll();
        throw error instanceof RateLimitedError && check.refused ? check.refused(error) : error;
      }
    }
    return refundAll;
  }

  async refund(rule: LimitRule, subject: string): Promise<void> {
    await this.store.decrement(`${rule.name}:${subject}`, this.clock.now());
  }

  async clear(rule: LimitRule, subject: string): Promise<void> {
    await this.store.reset(`${rule.name}:${subject}`);
  }
}
