/** Fixed-window counters in Redis, so a limit counts requests to every instance. */
import type { CounterStore } from '../core/rate-limiter.ts';
import type { RedisConnections } from './redis-connection.ts';

// INCR, and on the window's first hit set its expiry; one round trip, atomic.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

// DECR only a live window's key, never below zero (a missing key would come back without expiry).
const DECREMENT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: RedisConnections) {}

  async increment(key: string, windowMs: number, now: number) {
    const [count, ttl] = (await this.redis.command.eval(INCREMENT, 1, this.key(key), String(windowMs))) as [number, number];
    return { count, resetAt: now + (ttl > 0 ? ttl : windowMs) };
  }

  async decrement(key: string) {
    await this.redis.command.eval(DECREMENT, 1, this.key(key));
  }

  async reset(key: string) {
    await this.redis.command.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.redis.prefix}counter:${key}`;
  }
}
