import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test, type TestContext } from 'node:test';
import { ManualClock } from '../core/clock.ts';
import { RateLimiter } from '../core/rate-limiter.ts';
import { connectRedis, type RedisConnections } from './redis-connection.ts';
import { RedisCounterStore } from './redis-counter-store.ts';
import { RedisEventBus } from './redis-event-bus.ts';
import { RedisRateLimitGate, RedisSearchCache } from './redis-search-state.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A connection pair under a prefix of its own; its keys are deleted after the test. */
async function redisFor(t: TestContext): Promise<RedisConnections> {
  const redis = await connectRedis(REDIS_URL, `test:${randomBytes(6).toString('hex')}:`);
  t.after(async () => {
    const keys = await redis.command.keys(`${redis.prefix}*`);
    if (keys.length > 0) await redis.command.del(...keys);
    await redis.close();
  });
  return redis;
}

function nextEvent(bus: RedisEventBus, channel: string): Promise<unknown> {
  return new Promise((resolve) => {
    void bus.subscribe(channel, (event) => resolve(event));
  });
}

describe('Redis shared state', () => {
  test('an event published through one connection reaches a subscriber on another', async (t) => {
    const redisA = await redisFor(t);
    const a = new RedisEventBus(redisA);
    const redisB = await connectRedis(REDIS_URL, redisA.prefix);
    t.after(() => redisB.close());
    const b = new RedisEventBus(redisB);
    const received = nextEvent(b, 'payment:42');
    await new Promise((resolve) => setTimeout(resolve, 50)); // let SUBSCRIBE reach the server
    await a.publish('payment:42', { status: 'approved', amount: 'ünïcödé €' });
    assert.deepEqual(await received, { status: 'approved', amount: 'ünïcödé €' });
  });

  test('unsubscribing stops delivery; other channels are not delivered', async (t) => {
    const bus = new RedisEventBus(await redisFor(t));
    const seen: unknown[] = [];
    const stop = await bus.subscribe('a', (event) => seen.push(event));
    await bus.subscribe('b', () => seen.push('wrong channel'));
    const second = nextEvent(bus, 'a');
    await bus.publish('a', 1);
    await second;
    stop();
    await bus.publish('a', 2);
    const third = nextEvent(bus, 'a');
    await bus.publish('a', 3);
    await third;
    assert.deepEqual(seen, [1]);
  });

  test('counters are shared by limiters on different connections and reset after their window', async (t) => {
    const redis = await redisFor(t);
    const other = await connectRedis(REDIS_URL, redis.prefix);
    t.after(() => other.close());
    const clock = new ManualClock(Date.now());
    const rule = { name: 'login', limit: 3, windowMs: 300 };
    const first = new RateLimiter(new RedisCounterStore(redis), clock);
    const second = new RateLimiter(new RedisCounterStore(other), clock);
    await first.consume(rule, 'a@example.test');
    await second.consume(rule, 'a@example.test');
    await first.consume(rule, 'a@example.test');
    await assert.rejects(second.consume(rule, 'a@example.test'), { code: 'RATE_LIMITED' });
    await second.consume(rule, 'b@example.test');
    // Redis expires the window in real time.
    await new Promise((resolve) => setTimeout(resolve, 350));
    await first.consume(rule, 'a@example.test');
  });

  test('consumeAll counts on every rule or on none, and a refund keeps the window', async (t) => {
    const redis = await redisFor(t);
    const limiter = new RateLimiter(new RedisCounterStore(redis), new ManualClock(Date.now()));
    const roomy = { name: 'roomy', limit: 5, windowMs: 60_000 };
    const tight = { name: 'tight', limit: 1, windowMs: 60_000 };
    await limiter.consumeAll([{ rule: tight, subject: 's' }]);
    await assert.rejects(limiter.consumeAll([{ rule: roomy, subject: 's' }, { rule: tight, subject: 's' }]), { code: 'RATE_LIMITED' });
    assert.equal(await redis.command.get(`${redis.prefix}counter:roomy:s`), '0', 'the roomy count was given back');
    assert.equal(await redis.command.get(`${redis.prefix}counter:tight:s`), '1');
    assert.ok((await redis.command.pttl(`${redis.prefix}counter:tight:s`)) > 0, 'the window still ends');
    // A refund of a key that is not there creates nothing.
    await limiter.refund(roomy, 'nobody');
    assert.equal(await redis.command.exists(`${redis.prefix}counter:roomy:nobody`), 0);
  });

  test('search cache entries are shared and expire', async (t) => {
    const redis = await redisFor(t);
    const cache = new RedisSearchCache(redis);
    const value = { total_count: 1, incomplete_results: false, items: [] };
    await cache.set('k', value, 200);
    assert.deepEqual(await new RedisSearchCache(redis).get('k'), value);
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal(await cache.get('k'), undefined);
  });

  test('the GitHub gate keeps the later time', async (t) => {
    const redis = await redisFor(t);
    const now = Date.now();
    const gate = new RedisRateLimitGate(redis, () => now);
    assert.equal(await gate.closedUntil(now), null);
    await gate.closeUntil(now + 60_000);
    await gate.closeUntil(now + 10_000);
    assert.equal(await new RedisRateLimitGate(redis, () => now).closedUntil(now), now + 60_000);
    assert.equal(await gate.closedUntil(now + 60_001), null);
  });
});
