/** Fixed-window counters in Redis, so a limit counts requests to every instance. */
import type { CounterStore } from '../core/rate-limiter.ts';
import type { RedisConnections } from './redis-connection.ts';

// INCR, and on the window's first hit set its expiry; one round trip, atomic.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: RedisConnections) {}

  async increment(key: string, windowMs: number, now: number) {
    const [count, ttl] = (await this.redis.command.eval(INCREMENT, 1, this.key(key), String(windowMs))) as [number, number];
    return { count, resetAt: now + (ttl > 0 ? ttl : windowMs) };
  }

  async reset(key: string) {
    await this.redis.command.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.redis.prefix}counter:${key}`;
  }
}
