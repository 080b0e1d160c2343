import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabaseUrl } from '../../../../test-support/test-database.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations.ts';

const open = async (t: Parameters<typeof freshDatabaseUrl>[0]) => {
  const database = openDatabase(loadConfig({ DATABASE_URL: await freshDatabaseUrl(t) }).database);
  t.after(() => database.destroy());
  return database;
};

test('migrating twice is a no-op, and the tables are there', async (t) => {
  const database = await open(t);
  await migrateToLatest(database);
  await migrateToLatest(database);
  const kudos = await database.db.selectFrom('kudos').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(kudos.n), 0);
});

// On PostgreSQL each database below is a schema of its own in one database; on SQLite, its own file.
test('two databases side by side each get their own tables, whichever migrates first', async (t) => {
  const first = await open(t);
  const second = await open(t);
  await migrateToLatest(first);
  await migrateToLatest(second);
  await sql`insert into users (id, email, password_hash, created_at) values ('u1', 'a@example.test', 'x', 1)`.execute(first.db);
  const inSecond = await second.db.selectFrom('users').select('id').execute();
  assert.deepEqual(inSecond, [], 'the second database is separate and migrated');
});
