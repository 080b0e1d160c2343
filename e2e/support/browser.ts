/** Debian's Chromium, driven by playwright-core; nothing is downloaded. */
import { execFileSync } from 'node:child_process';
import type { TestContext } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { keepFailedPages } from './screenshots.ts';

function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No chromium on PATH: install it with "apt-get install -y chromium" or set CHROMIUM_PATH');
  }
}

export async function launchBrowser(t: TestContext): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  t.after(async () => {
    // `passed` is on Node 20's TestContext at run time, though not yet in @types/node 20.
    if ((t as TestContext & { passed?: boolean }).passed === false) await keepFailedPages(t, browser);
    await browser.close();
  });
  return browser;
}
