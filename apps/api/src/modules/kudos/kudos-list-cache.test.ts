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
