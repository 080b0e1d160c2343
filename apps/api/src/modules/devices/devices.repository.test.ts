/** The conditional writes that make pairing codes and nonces single-use, on the suite's database dialect. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test, type TestContext } from 'node:test';
import { testEnv } from '../../../../../test-support/build-test-app.ts';
import { freshDatabaseUrl } from '../../../../../test-support/test-database.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrations.ts';
import * as repo from './devices.repository.ts';

const NOW = Date.UTC(2026, 0, 1);

async function database(t: TestContext) {
  const database = openDatabase(loadConfig(testEnv({ DATABASE_URL: await freshDatabaseUrl(t) })).database);
  t.after(() => database.destroy());
  await migrateToLatest(database);
  const userId = randomUUID();
  await database.db
    .insertInto('users')
    .values({ id: userId, email: `${userId}@example.test`, password_hash: 'x', created_at: NOW, phone: null, phone_verified_at: null })
    .execute();
  return { db: database.db, userId };
}

describe('devices repository', () => {
  test('a pairing code is consumed once, and not at or after its expiry', async (t) => {
    const { db, userId } = await database(t);
    await repo.insertPairing(db, { code_hash: 'live', user_id: userId, created_at: NOW, expires_at: NOW + 1000, used_at: null });
    await repo.insertPairing(db, { code_hash: 'ending', user_id: userId, created_at: NOW, expires_at: NOW, used_at: null });
    assert.equal(await repo.consumePairing(db, 'ending', NOW), undefined);
    assert.equal(await repo.consumePairing(db, 'unknown', NOW), undefined);
    assert.equal(await repo.consumePairing(db, 'live', NOW + 999), userId);
    assert.equal(await repo.consumePairing(db, 'live', NOW + 999), undefined);
  });

  test('of ten simultaneous consumers of one code, exactly one wins', async (t) => {
    const { db, userId } = await database(t);
    await repo.insertPairing(db, { code_hash: 'contested', user_id: userId, created_at: NOW, expires_at: NOW + 1000, used_at: null });
    const results = await Promise.all(Array.from({ length: 10 }, () => repo.consumePairing(db, 'contested', NOW)));
    assert.deepEqual(results.filter(Boolean), [userId]);
  });

  test('a nonce is remembered once per scope; pruning forgets only expired device nonces', async (t) => {
    const { db } = await database(t);
    assert.equal(await repo.rememberNonce(db, 'device:a', 'n1', NOW), true);
    assert.equal(await repo.rememberNonce(db, 'device:a', 'n1', NOW + 5000), false);
    assert.equal(await repo.rememberNonce(db, 'device:b', 'n1', NOW), true);
    assert.equal(await repo.rememberNonce(db, 'device:a', 'n2', NOW + 5000), true);
    assert.equal(await repo.rememberNonce(db, 'push', 'n1', NOW), true);

    await repo.pruneExpired(db, NOW + 1, 0);
    assert.equal(await repo.rememberNonce(db, 'device:a', 'n1', NOW + 5000), true, 'expired: forgotten');
    assert.equal(await repo.rememberNonce(db, 'device:a', 'n2', NOW + 5000), false, 'live: kept');
    assert.equal(await repo.rememberNonce(db, 'push', 'n1', NOW), false, 'another feature’s scope: left alone');
  });

  test('pruning keeps expired pairing codes for the grace period, then forgets them', async (t) => {
    const { db, userId } = await database(t);
    await repo.insertPairing(db, { code_hash: 'old', user_id: userId, created_at: NOW, expires_at: NOW, used_at: null });
    await repo.pruneExpired(db, NOW + 1000, 1000);
    assert.equal(await db.selectFrom('pairings').select('code_hash').executeTakeFirst().then((r) => r?.code_hash), 'old');
    await repo.pruneExpired(db, NOW + 1001, 1000);
    assert.equal(await db.selectFrom('pairings').select('code_hash').executeTakeFirst(), undefined);
  });
});
