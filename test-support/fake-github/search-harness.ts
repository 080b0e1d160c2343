/**
 * One search test's world: a fake GitHub, an app on a fresh database pointed
 * at it, a manual clock and a signed-in caller. Everything closes after the test.
 */
import type { TestContext } from 'node:test';
import { ManualClock } from '../../apps/api/src/core/clock.ts';
import { type Database, openDatabase } from '../../apps/api/src/db/database.ts';
import { migrateToLatest } from '../../apps/api/src/db/migrations.ts';
import { registerWithToken } from '../api-client.ts';
import { buildTestApp } from '../build-test-app.ts';
import { freshDatabaseUrl } from '../test-database.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { startFakeGithub } from './server.ts';

export async function startSearchHarness(t: TestContext, options: { env?: Record<string, string> } = {}) {
  const fake = await startFakeGithub();
  t.after(() => fake.close());
  const clock = new ManualClock();
  const { app, config } = await buildTestApp(t, { env: { GITHUB_API_URL: fake.url, ...options.env }, overrides: { clock } });
  const { auth } = await registerWithToken(app);

  /** Searches as the signed-in caller; values are encoded as a browser would. */
  const search = (query: Record<string, string>) =>
    app.inject({ method: 'GET', url: `/api/github/search?${new URLSearchParams(query)}`, headers: auth });

  /** Requests GitHub received for searches (the fake logs every request). */
  const githubCalls = () => fake.requests.filter((r) => r.path === '/search/repositories').length;

  return { app, config, fake, clock, search, githubCalls, auth };
}

/** Epoch seconds of the manual clock plus an offset, as GitHub's x-ratelimit-reset carries it. */
export function epochSeconds(clock: ManualClock, plusSeconds = 0): number {
  return Math.floor(clock.now() / 1000) + plusSeconds;
}

/** A migrated database of its own (on the suite's dialect), for tests of the catalog without an app. */
export async function openFreshDatabase(t: TestContext): Promise<Database> {
  const database = openDatabase(loadConfig({ DATABASE_URL: await freshDatabaseUrl(t) }).database);
  t.after(() => database.destroy());
  await migrateToLatest(database);
  return database;
}
