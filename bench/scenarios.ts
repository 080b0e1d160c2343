/** The benchmark's scenarios, each a function of a running site. */
import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';
import type { SseReader} from '../test-support/device-client.ts';
import { type TestDevice } from '../test-support/device-client.ts';
import { load, percentile, type ScenarioResult } from './load.ts';
import type { ServerProcess } from '../test-support/server-process.ts';
import { openPaymentStream, type SiteUser } from '../test-support/site-user.ts';

export interface Budget {
  seconds: number;
  connections: number;
}

export function kudosList(site: ServerProcess, user: SiteUser, budget: Budget): Promise<ScenarioResult> {
  return load('GET /api/kudos (bearer, 20 kudos)', { url: `${site.url}/api/kudos`, headers: user.bearer, ...budget });
}

/** Each connection gives and takes back kudos to a repository of its own, so every answer is a real write. */
export function kudoWriteCycle(site: ServerProcess, user: SiteUser, budget: Budget): Promise<ScenarioResult> {
  let nextRepo = 5_000_000;
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      path: '/api/kudos',
      setupRequest: (request, context) => {
        const ctx = context as { repo?: number };
        ctx.repo ??= nextRepo++;
        const body = { id: ctx.repo, repo_name: 'cycle', full_name: 'bench/cycle', language: null, description: null, repo_url: 'https://github.com/bench/cycle' };
        return { ...request, headers: { ...user.bearer, 'content-type': 'application/json' }, body: JSON.stringify(body) };
      },
    },
    {
      method: 'DELETE',
      setupRequest: (request, context) => ({ ...request, path: `/api/kudos/${(context as { repo: number }).repo}`, headers: user.bearer }),
    },
  ];
  return load('POST then DELETE /api/kudos', { url: site.url, requests, ...budget });
}

export function catalogSearch(site: ServerProcess, user: SiteUser, budget: Budget): Promise<ScenarioResult> {
  return load('GET /api/github/search (catalog answers)', { url: `${site.url}/api/github/search?q=react&per_page=30`, headers: user.bearer, ...budget });
}

export function ceiling(bare: ServerProcess, budget: Budget): Promise<ScenarioResult> {
  return load('bare node:http, same bytes as GET /api/kudos', { url: `${bare.url}/`, ...budget });
}

/**
 * Payments one after another: create, the device receives the approval request on its stream,
 * approves; the time from sending the approval to the payer's stream saying "approved".
 */
export async function paymentApprovals(site: ServerProcess, payer: SiteUser, device: TestDevice, count: number) {
  const deviceEvents = await device.openEvents(site.url);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  try {
    for (let i = 0; i < count; i++) {
      const payment = await payer.createPayment('friend@example.test', '12.34', randomUUID());
      const digest = await nextApprovalDigest(deviceEvents, payment.id);
      const stream = await openPaymentStream(site.url, payer, payment.id);
      await stream.next(); // the current status, pending
      const sent = performance.now();
      const decided = await device.approve(site.url, payment.id, digest);
      if (decided.status !== 200) errors += 1;
      const event = await stream.next();
      const status = (event?.data as { status?: string } | undefined)?.status;
      if (status === 'approved') latencies.push(performance.now() - sent);
      else errors += 1;
      stream.close();
    }
  } finally {
    deviceEvents.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    scenario: `payment created, approved by device, payer's stream told (${count} in a row)`,
    requestsPerSecond: Math.round((count / seconds) * 10) / 10,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
  } satisfies ScenarioResult;
}

async function nextApprovalDigest(events: SseReader, paymentId: string): Promise<string> {
  for (;;) {
    const frame = await events.next(10_000);
    if (!frame) throw new Error('device stream ended');
    const approval = frame.data as { payment_id?: string; digest?: string };
    if (frame.event === 'approval' && approval.payment_id === paymentId && approval.digest) return approval.digest;
  }
}

/**
 * Opens `count` idle payer streams and reports the server's memory: in all, and per stream between the
 * first fifth and all of them (by then the heap has grown to its working size, which the total includes).
 */
export async function idleStreams(site: ServerProcess, payer: SiteUser, count: number) {
  const payment = await payer.createPayment('idle@example.test', '1.00', randomUUID());
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = site.memory().rssMb;
  const streams: SseReader[] = [];
  const open = async (until: number) => {
    while (streams.length < until) {
      const batch = await Promise.all(Array.from({ length: Math.min(250, until - streams.length) }, () => openPaymentStream(site.url, payer, payment.id)));
      await Promise.all(batch.map((stream) => stream.next(30_000)));
      streams.push(...batch);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return site.memory().rssMb;
  };
  const fifth = Math.max(1, Math.round(count / 5));
  const atFifth = await open(fifth);
  const after = await open(count);
  for (const stream of streams) stream.close();
  return {
    streams: count,
    rssBeforeMb: round(before),
    rssAfterMb: round(after),
    extraMb: round(after - before),
    kbPerStream: round(((after - atFifth) * 1024) / (count - fifth)),
  };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
