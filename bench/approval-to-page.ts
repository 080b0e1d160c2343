/**
 * The time from a device's approval to the payer's page in Chromium: the
 * payment's page is open (its event stream connected and told "pending"),
 * the device sends its signed approval, and the page records when its event
 * stream hears "approved" and when the status panel shows it. Both clocks
 * are this machine's (performance.timeOrigin + now() in Node and in the page).
 */
import { randomUUID } from 'node:crypto';
import { launchChromium } from '../test-support/chromium.ts';
import type { TestDevice } from '../test-support/device-client.ts';
import type { ServerProcess } from '../test-support/server-process.ts';
import type { SiteUser } from '../test-support/site-user.ts';
import { percentile } from './load.ts';

export interface PageLatency {
  scenario: string;
  payments: number;
  errors: number;
  /** Device sends its approval → the page's EventSource delivers "approved". */
  streamP50Ms: number;
  streamP99Ms: number;
  /** Device sends its approval → the page shows "approved". */
  shownP50Ms: number;
  shownP99Ms: number;
}

interface PageTimes {
  pendingSeen: boolean;
  approvedEventAt?: number;
  approvedShownAt?: number;
}

declare global {
  interface Window {
    benchTimes: PageTimes;
  }
}

/**
 * Runs in the page before its own scripts: notes status events and the moment "approved" is on
 * screen. Plain text, so no compiler helper of this file's leaks into the page.
 */
const INSTRUMENT_PAGE = `
  window.benchTimes = { pendingSeen: false };
  const now = () => performance.timeOrigin + performance.now();
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url, init) {
      super(url, init);
      this.addEventListener('status', (event) => {
        const { status } = JSON.parse(event.data);
        if (status === 'pending') window.benchTimes.pendingSeen = true;
        if (status === 'approved' && window.benchTimes.approvedEventAt === undefined) window.benchTimes.approvedEventAt = now();
      });
    }
  };
  new MutationObserver(() => {
    if (window.benchTimes.approvedShownAt === undefined && document.querySelector('[data-status="approved"]')) {
      window.benchTimes.approvedShownAt = now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
`;

export async function approvalToPage(site: ServerProcess, payer: SiteUser, device: TestDevice, count: number): Promise<PageLatency> {
  const browser = await launchChromium();
  const stream: number[] = [];
  const shown: number[] = [];
  let errors = 0;
  try {
    const context = await browser.newContext({ baseURL: site.url });
    const [name, value] = payer.cookieHeader.split('=');
    await context.addCookies([{ name: name!, value: value!, url: site.url }]);
    await context.addInitScript({ content: INSTRUMENT_PAGE });
    const page = await context.newPage();
    for (let i = 0; i < count; i++) {
      const payment = await payer.createPayment('friend@example.test', '12.34', randomUUID());
      const approval = (await device.approvals(site.url)).find((item) => item.payment_id === payment.id);
      await page.goto(`/payments/${payment.id}`);
      await page.waitForFunction(() => window.benchTimes.pendingSeen, undefined, { timeout: 10_000 });
      const sentAt = performance.timeOrigin + performance.now();
      const decided = approval ? await device.approve(site.url, payment.id, approval.digest) : undefined;
      if (decided?.status !== 200) {
        errors += 1;
        continue;
      }
      const times = await page
        .waitForFunction(() => window.benchTimes.approvedShownAt !== undefined && window.benchTimes, undefined, { timeout: 10_000 })
        .then((handle) => handle.jsonValue() as Promise<PageTimes>)
        .catch(() => undefined);
      if (!times?.approvedEventAt || !times.approvedShownAt) {
        errors += 1;
        continue;
      }
      stream.push(times.approvedEventAt - sentAt);
      shown.push(times.approvedShownAt - sentAt);
    }
  } finally {
    await browser.close();
  }
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    scenario: `device approval to the payer's page in Chromium (${count} payments)`,
    payments: count,
    errors,
    streamP50Ms: round(percentile(stream, 50)),
    streamP99Ms: round(percentile(stream, 99)),
    shownP50Ms: round(percentile(shown, 50)),
    shownP99Ms: round(percentile(shown, 99)),
  };
}
