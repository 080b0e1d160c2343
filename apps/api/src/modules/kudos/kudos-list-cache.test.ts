import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InProcessEventBus } from '../../core/events.ts';
import { KudosListCache } from './kudos-list-cache.ts';

test('a read that started before a write never caches its old answer', async () => {
  const cache = new KudosListCache(new InProcessEventBus());
  await cache.start();
  const generation = cache.generation('u1'); // a read begins
  await cache.invalidate('u1'); // a write commits meanwhile
  cache.set('u1', generation, '["old"]'); // the read finishes
  assert.equal(cache.get('u1'), undefined);
  cache.set('u1', cache.generation('u1'), '["new"]');
  assert.equal(cache.get('u1')?.body.toString('utf8'), '["new"]');
});

test('an invalidation published by another instance empties this one\'s entry', async () => {
  const bus = new InProcessEventBus();
  const here = new KudosListCache(bus);
  const there = new KudosListCache(bus);
  await here.start();
  await there.start();
  here.set('u1', here.generation('u1'), '[]');
  await there.invalidate('u1');
  assert.equal(here.get('u1'), undefined);
});

test('cached answers stay within their byte budget, oldest out first, and an oversized list is not kept', async () => {
  const cache = new KudosListCache(new InProcessEventBus(), { maxUsers: 100, maxTotalBytes: 100, maxEntryBytes: 60 });
  const json = (bytes: number) => `"${'x'.repeat(bytes - 2)}"`;
  cache.set('u1', cache.generation('u1'), json(40));
  cache.set('u2', cache.generation('u2'), json(40));
  assert.deepEqual(cache.size, { users: 2, bytes: 80 });
  cache.set('u3', cache.generation('u3'), json(40)); // 120 > 100: u1, the oldest, makes room
  assert.equal(cache.get('u1'), undefined);
  assert.ok(cache.get('u2') && cache.get('u3'));
  assert.deepEqual(cache.size, { users: 2, bytes: 80 });

  const big = cache.set('u4', cache.generation('u4'), json(61)); // answered, not kept
  assert.equal(big.body.length, 61);
  assert.equal(cache.get('u4'), undefined);
  assert.deepEqual(cache.size, { users: 2, bytes: 80 });

  cache.set('u2', cache.generation('u2'), json(10)); // replacing an entry counts its new size only
  assert.deepEqual(cache.size, { users: 2, bytes: 50 });
  await cache.invalidate('u3');
  assert.deepEqual(cache.size, { users: 1, bytes: 10 });
});
