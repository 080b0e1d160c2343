import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { channels } from '../../core/events.ts';
import { buildPaymentsApp, createPayment, newPayer, type Payer, requestCode, verifyCode } from './payments-test-kit.ts';

interface SseFrame {
  event: string;
  data: unknown;
}

/** A real HTTP client on a real socket: reads server-sent event frames as they arrive. */
async function openStream(app: FastifyInstance, payer: Payer, paymentId: string) {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const controller = new AbortController();
  const response = await fetch(`${address}/api/payments/${paymentId}/events`, { headers: payer.auth, signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;

  /** The next `event:` frame, or undefined once the server ended the stream. */
  async function next(): Promise<SseFrame | undefined> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event !== undefined) return { event, data: data === undefined ? undefined : JSON.parse(data) };
        continue;
      }
      if (ended) return undefined;
      const chunk = await reader.read();
      if (chunk.done) ended = true;
      else buffer += chunk.value;
    }
  }

  return { response, next, close: () => controller.abort() };
}

const statusOf = (frame: SseFrame | undefined) => (frame?.data as { status?: string } | undefined)?.status;

describe('live payment status (server-sent events)', () => {
  test('sends the current status at once, then the decision, then ends the stream', async (t) => {
    const { app, events } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const stream = await openStream(app, payer, id);
    assert.equal(stream.response.status, 200);
    assert.match(stream.response.headers.get('content-type') ?? '', /^text\/event-stream/);

    const first = await stream.next();
    assert.equal(first?.event, 'status');
    assert.equal(statusOf(first), 'pending');
    assert.equal(events.subscribers(channels.payment(id)), 1);

    const code = await requestCode(app, payer, id);
    assert.equal((await verifyCode(app, payer, id, code)).statusCode, 200);
    const second = await stream.next();
    assert.equal(second?.event, 'status');
    assert.equal(statusOf(second), 'approved');
    assert.equal((second?.data as { decided_by: string }).decided_by, 'sms');
    assert.equal(await stream.next(), undefined, 'the stream ends after a final status');
    assert.equal(events.subscribers(channels.payment(id)), 0, 'and lets go of its subscription');
  });

  test('an expiry found by the sweep reaches the stream', async (t) => {
    const { app, clock, sweep } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const stream = await openStream(app, payer, id);
    assert.equal(statusOf(await stream.next()), 'pending');
    clock.advance(300_000);
    await sweep();
    assert.equal(statusOf(await stream.next()), 'expired');
    assert.equal(await stream.next(), undefined);
  });

  test('a payment already decided gets one status and the end', async (t) => {
    const { app, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    await authorization.decideByDevice(payer.userId, id, 'deny');
    const stream = await openStream(app, payer, id);
    assert.equal(statusOf(await stream.next()), 'denied');
    assert.equal(await stream.next(), undefined);
  });

  test('a client that goes away is unsubscribed', async (t) => {
    const { app, events } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const stream = await openStream(app, payer, id);
    await stream.next();
    assert.equal(events.subscribers(channels.payment(id)), 1);
    stream.close();
    for (let i = 0; i < 100 && events.subscribers(channels.payment(id)) > 0; i += 1) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(events.subscribers(channels.payment(id)), 0);
  });

  test('another payer\'s stream is 404 and opens nothing', async (t) => {
    const { app, events } = await buildPaymentsApp(t);
    const owner = await newPayer(app);
    const stranger = await newPayer(app);
    const id = await createPayment(app, owner);
    const stream = await openStream(app, stranger, id);
    assert.equal(stream.response.status, 404);
    assert.equal(events.subscribers(channels.payment(id)), 0);
  });

  test('HEAD answers the stream\'s headers at once and subscribes to nothing', async (t) => {
    const { app, events } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/api/payments/${id}/events`, { method: 'HEAD', headers: payer.auth, signal: AbortSignal.timeout(5_000) });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(events.subscribers(channels.payment(id)), 0);
  });
});
