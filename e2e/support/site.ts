/**
 * The whole site for one test: a fake GitHub, the API server on its own
 * temporary database serving the built page, and a browser. Everything is
 * torn down when the test ends.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { buildApp } from '../../apps/api/src/app.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { type FakeGithub, startFakeGithub } from '../../test-support/fake-github/server.ts';
import { launchBrowser } from './browser.ts';
import { watchForPageErrors } from './page-errors.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const builtPage = join(repoRoot, 'apps/web/dist/index.html');

export interface Site {
  url: string;
  fake: FakeGithub;
  app: FastifyInstance;
  browser: Browser;
  /** A fresh browser context (its own cookies and storage) with one page, checked for script errors. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Another tab in the same context as `page` (same cookies), checked for script errors too. */
  newTab(page: Page): Promise<Page>;
}

/** A port nobody listens on now, so PUBLIC_URL (and the pairing links built from it) can name it before the app starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** scripts/run-tests.mjs builds the page before the browser tests; a lone run builds it if missing. */
function ensurePageBuilt(): void {
  if (existsSync(builtPage)) return;
  const built = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build:web failed');
}

/** `env` may depend on the site's address (an identity provider must know where to send people back). */
export async function startSite(
  t: TestContext,
  env: Record<string, string> | ((siteUrl: string) => Promise<Record<string, string>>) = {},
): Promise<Site> {
  ensurePageBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'kudos-e2e-'));
  const fake = await startFakeGithub();
  const port = await freePort();
  const extra = typeof env === 'function' ? await env(`http://127.0.0.1:${port}`) : env;
  const config = loadConfig({
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
    GITHUB_API_URL: fake.url,
    GITHUB_TIMEOUT_MS: '2000',
    LOGIN_RATE_PER_IP: '1000',
    LOGIN_RATE_PER_ACCOUNT: '1000',
    API_RATE_PER_IP: '100000',
    LOG_LEVEL: 'silent',
    ...extra,
  });
  const app = await buildApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await launchBrowser(t);

  // After hooks run in the order they were added: the browser closes before the servers.
  t.after(async () => {
    await app.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    fake,
    app,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 860 }, ...options });
      const page = await context.newPage();
      watchForPageErrors(t, page);
      return page;
    },
    async newTab(page) {
      const tab = await page.context().newPage();
      watchForPageErrors(t, tab);
      return tab;
    },
  };
}
