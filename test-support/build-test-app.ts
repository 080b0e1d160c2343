/**
 * Builds a complete app on its own fresh database for one test, and closes
 * it afterwards. Every API test starts here.
 */
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type AppOverrides, buildApp } from '../apps/api/src/app.ts';
import { type AppConfig, loadConfig } from '../apps/api/src/config.ts';
import { freshDatabaseUrl } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  config: AppConfig;
}

/** Environment for tests: generous limits unless a test asks otherwise, no real GitHub. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PUBLIC_URL: 'http://localhost:4433',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_TIMEOUT_MS: '1000',
    LOGIN_RATE_PER_IP: '1000',
    LOGIN_RATE_PER_ACCOUNT: '1000',
    API_RATE_PER_IP: '100000',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

export async function buildTestApp(
  t: TestContext,
  options: { env?: Record<string, string>; overrides?: AppOverrides } = {},
): Promise<TestApp> {
  const config = loadConfig(testEnv({ DATABASE_URL: await freshDatabaseUrl(t), ...options.env }));
  const app = await buildApp(config, { logger: false, ...options.overrides });
  t.after(() => app.close());
  return { app, config };
}
