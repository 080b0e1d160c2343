/** One Chromium per test, closed when it ends; a failed test first keeps a screenshot of every page. */
import type { TestContext } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test-support/chromium.ts';
import { keepFailedPages } from './screenshots.ts';

export async function launchBrowser(t: TestContext): Promise<Browser> {
  const browser = await launchChromium();
  t.after(async () => {
    // `passed` is on Node 20's TestContext at run time, though not yet in @types/node 20.
    if ((t as TestContext & { passed?: boolean }).passed === false) await keepFailedPages(t, browser);
    await browser.close();
  });
  return browser;
}
