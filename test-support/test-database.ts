/**
 * A fresh, empty database for one test, on the dialect the suite runs on:
 * SQLite (a temporary file) by default, PostgreSQL (a schema of its own,
 * dropped afterwards) when TEST_DATABASE_URL is a postgres:// URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import pg from 'pg';
import type { DatabaseConfig } from '../apps/api/src/config.ts';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
export const testDialect: DatabaseConfig['dialect'] = testDatabaseUrl?.startsWith('postgres') ? 'postgres' : 'sqlite';

/**
 * A DATABASE_URL value for a new empty database, removed when the test ends: a schema of its own
 * on `baseUrl` when that is a postgres:// URL (by default TEST_DATABASE_URL), else an SQLite file.
 */
export async function freshDatabaseUrl(t: Pick<TestContext, 'after'>, baseUrl = testDatabaseUrl): Promise<string> {
  if (baseUrl?.startsWith('postgres')) return freshPostgresSchema(t, baseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'app-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return `sqlite:${join(dir, 'test.db')}`;
}

async function freshPostgresSchema(t: Pick<TestContext, 'after'>, baseUrl: string): Promise<string> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(baseUrl, (client) => client.query(`create schema ${schema}`));
  t.after(() => withAdmin(baseUrl, (client) => client.query(`drop schema if exists ${schema} cascade`)));
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
