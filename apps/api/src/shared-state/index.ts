/**
 * What instances share, chosen by configuration: with REDIS_URL, events,
 * rate-limit counters and GitHub's cache and gate live in Redis; without it,
 * every field is undefined and each feature keeps its in-process default.
 */
import type { AppConfig } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { EventBus } from '../core/events.ts';
import type { CounterStore } from '../core/rate-limiter.ts';
import type { RateLimitGate } from '../modules/github-search/rate-limit-gate.ts';
import type { SearchCache } from '../modules/github-search/search-cache.ts';
import { type RedisConnections, connectRedis } from './redis-connection.ts';
import { RedisCounterStore } from './redis-counter-store.ts';
import { RedisEventBus } from './redis-event-bus.ts';
import { RedisRateLimitGate, RedisSearchCache } from './redis-search-state.ts';

export interface SharedState {
  redis?: RedisConnections;
  events?: EventBus;
  counters?: CounterStore;
  searchCache?: SearchCache;
  searchGate?: RateLimitGate;
  close(): Promise<void>;
}

export async function connectSharedState(config: AppConfig, clock: Clock): Promise<SharedState> {
  if (!config.redis) return { close: async () => undefined };
  const redis = await connectRedis(config.redis.url, config.redis.prefix);
  return {
    redis,
    events: new RedisEventBus(redis),
    counters: new RedisCounterStore(redis),
    searchCache: new RedisSearchCache(redis),
    searchGate: new RedisRateLimitGate(redis, () => clock.now()),
    close: () => redis.close(),
  };
}
