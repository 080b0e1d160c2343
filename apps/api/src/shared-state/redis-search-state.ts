/** GitHub's search cache and "wait until" gate in Redis, shared by every instance. */
import type { RateLimitGate } from '../modules/github-search/rate-limit-gate.ts';
import type { CachedSearch, SearchCache } from '../modules/github-search/search-cache.ts';
import type { RedisConnections } from './redis-connection.ts';

export class RedisSearchCache implements SearchCache {
  constructor(private readonly redis: RedisConnections) {}

  async get(key: string): Promise<CachedSearch | undefined> {
    const value = await this.redis.command.get(this.key(key));
    return value ? (JSON.parse(value) as CachedSearch) : undefined;
  }

  async set(key: string, value: CachedSearch, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    await this.redis.command.set(this.key(key), JSON.stringify(value), 'PX', ttlMs);
  }

  private key(key: string): string {
    return `${this.redis.prefix}github-search:${key}`;
  }
}

// Keeps the later of the stored and the given time; the key expires by itself when it passes.
const CLOSE_UNTIL = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local untilMs = tonumber(ARGV[1])
if untilMs > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', math.max(1, untilMs - tonumber(ARGV[2])))
end
return 1`;

export class RedisRateLimitGate implements RateLimitGate {
  constructor(
    private readonly redis: RedisConnections,
    private readonly now: () => number,
  ) {}

  async closedUntil(now: number): Promise<number | null> {
    const value = await this.redis.command.get(this.key());
    const until = value ? Number(value) : 0;
    return until > now ? until : null;
  }

  async closeUntil(until: number): Promise<void> {
    await this.redis.command.eval(CLOSE_UNTIL, 1, this.key(), String(until), String(this.now()));
  }

  private key(): string {
    return `${this.redis.prefix}github-gate`;
  }
}
