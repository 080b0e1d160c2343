/** Full-page screenshots at the steps worth looking at, in test-output/screenshots (git-ignored). */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

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
