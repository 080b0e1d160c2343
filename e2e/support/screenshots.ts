/** Full-page screenshots at the steps worth looking at, in test-output/screenshots (git-ignored). */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';

const dir = resolve(import.meta.dirname, '../../test-output/screenshots');

/** fullPage: false keeps fixed elements (the snackbar) where the person sees them. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // Let transitions (tab indicator, snackbar) settle so the picture shows the resting state.
  await page.waitForTimeout(350);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/** A failed test leaves what each of its pages showed at that moment in test-output/screenshots/failed. */
export async function keepFailedPages(t: TestContext, browser: Browser): Promise<void> {
  const pages = browser.contexts().flatMap((context) => context.pages());
  const name = t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  mkdirSync(join(dir, 'failed'), { recursive: true });
  await Promise.all(pages.map((page, index) =>
    page.screenshot({ path: join(dir, 'failed', `${name}-${index + 1}.png`), fullPage: true }).catch(() => undefined)));
}
