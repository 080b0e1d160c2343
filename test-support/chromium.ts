/** Debian's Chromium, driven by playwright-core; nothing is downloaded. Used by the browser tests and the benchmark. */
import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is: CHROMIUM_PATH, else `chromium` on PATH; undefined when neither. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error('No chromium on PATH: install it with "apt-get install -y chromium" or set CHROMIUM_PATH');
  return found;
}

/** Headless, and without the background traffic a closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}
