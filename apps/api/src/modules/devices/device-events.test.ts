import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import type { PendingApproval } from '#contracts/payfriend.ts';
import { registerWithSession } from '../../../../../test-support/api-client.ts';
import { pageHeaders, pairingCode, send, TestDevice } from '../../../../../test-support/device-client.ts';
import { ManualClock } from '../../core/clock.ts';
import { channels, InProcessEventBus, type Unsubscribe } from '../../core/events.ts';
import { buildDevicesTestApp } from './devices-test-app.ts';
import { FakeAuthorization } from './fake-authorization.ts';

/** The in-process bus, counting live subscriptions so a test can wait for a stream to let go. */
class CountingBus extends InProcessEventBus {
  active = 0;
  private readonly watchers: (() => void)[] = [];

  override async subscribe(channel: string, handler: (event: unknown) => void): Promise<Unsubscribe> {
    const unsubscribe = await super.subscribe(channel, handler);
    this.active += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      unsubscribe();
      this.active -= 1;
      for (const watcher of this.watchers.splice(0)) watcher();
    };
  }

  /** Resolves once no stream is subscribed any more. */
  async allUnsubscribed(): Promise<void> {
    while (this.active > 0) await new Promise<void>((resolve) => this.watchers.push(resolve));
  }
}

async function setup(t: TestContext, authorization = new FakeAuthorization()) {
  const clock = new ManualClock();
  const events = new CountingBus();
  const { app } = await buildDevicesTestApp(t, { clock, authorization, events });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const session = await registerWithSession(app);
  const device = await TestDevice.paired(app, await pairingCode(app, session), { clock });
  return { app, baseUrl, clock, events, authorization, session, userId: session.userId, device };
}

describe('a device’s event stream (payments stand-in)', () => {
  test('sends the waiting approvals first, then what is published for the user, until the device leaves', async (t) => {
    const { baseUrl, events, authorization, userId, device } = await setup(t);
    const waiting = [authorization.add(userId), authorization.add(userId)];
    const reader = await device.openEvents(baseUrl);
    t.after(() => reader.close());
    assert.equal(reader.status, 200);
    assert.match(String(reader.response.headers.get('content-type')), /^text\/event-stream/);
    assert.deepEqual(await reader.next(), { event: 'approval', data: waiting[0] });
    assert.deepEqual(await reader.next(), { event: 'approval', data: waiting[1] });

    const fresh = authorization.add(userId, { payee: 'carol@example.test' });
    await events.publish(channels.userDevices('someone-else'), { type: 'approval', approval: authorization.add('someone-else') });
    await events.publish(channels.userDevices(userId), { type: 'something new', payment_id: 'x' });
    await events.publish(channels.userDevices(userId), { type: 'approval', approval: fresh });
    await events.publish(channels.userDevices(userId), { type: 'resolved', payment_id: fresh.payment_id, status: 'approved' });
    assert.deepEqual(await reader.next(), { event: 'approval', data: fresh });
    assert.deepEqual(await reader.next(), { event: 'resolved', data: { payment_id: fresh.payment_id, status: 'approved' } });

    reader.close();
    await events.allUnsubscribed();
  });

  test('revoking the device tells its stream so and closes it; its other devices keep streaming', async (t) => {
    const { app, baseUrl, clock, events, session, device } = await setup(t);
    const other = await TestDevice.paired(app, await pairingCode(app, session), { clock });
    const revokedReader = await device.openEvents(baseUrl);
    const otherReader = await other.openEvents(baseUrl);
    t.after(() => otherReader.close());
    assert.equal(events.active, 2);

    const revoke = await send(app, 'DELETE', `/api/account/devices/${device.id}`, undefined, pageHeaders(session));
    assert.equal(revoke.status, 204);
    assert.deepEqual(await revokedReader.next(), { event: 'revoked', data: { device_id: device.id } });
    assert.equal(await revokedReader.next(), undefined, 'the server ended the stream');
    await revokedReader.ended;
    assert.equal(events.active, 1);

    const again = await device.openEvents(baseUrl);
    assert.equal(again.status, 401);
    assert.equal(((await again.response.json()) as { error: { code: string } }).error.code, 'DEVICE_REVOKED');
  });

  test('an unsigned or replayed connection gets a JSON 401 and no stream', async (t) => {
    const { baseUrl, device } = await setup(t);
    const unsigned = await fetch(`${baseUrl}/api/device/events`);
    assert.equal(unsigned.status, 401);
    assert.equal(((await unsigned.json()) as { error: { code: string } }).error.code, 'DEVICE_HEADERS_INVALID');

    const headers = await device.signedHeaders({ method: 'GET', path: '/api/device/events' });
    const first = await fetch(`${baseUrl}/api/device/events`, { headers });
    assert.equal(first.status, 200);
    await first.body?.cancel();
    const replay = await fetch(`${baseUrl}/api/device/events`, { headers });
    assert.equal(replay.status, 401);
    assert.equal(((await replay.json()) as { error: { code: string } }).error.code, 'DEVICE_REPLAY');
  });

  test('a signed HEAD gets the stream\'s headers at once and leaves no subscription', async (t) => {
    const { baseUrl, device, events } = await setup(t);
    const headers = await device.signedHeaders({ method: 'HEAD', path: '/api/device/events' });
    const response = await fetch(`${baseUrl}/api/device/events`, { method: 'HEAD', headers, signal: AbortSignal.timeout(5_000) });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    await events.allUnsubscribed();
    assert.equal(events.active, 0);
  });

  test('events published while the waiting list is read are neither lost nor sent twice', async (t) => {
    class RacingAuthorization extends FakeAuthorization {
      during: (() => Promise<void>) | undefined;
      override async pendingApprovals(payerId: string): Promise<PendingApproval[]> {
        const list = await super.pendingApprovals(payerId);
        await this.during?.();
        return list;
      }
    }
    const authorization = new RacingAuthorization();
    const { baseUrl, events, userId, device } = await setup(t, authorization);
    const listed = authorization.add(userId);
    const announced = authorization.add(userId);
    authorization.payments.delete(announced.payment_id);
    authorization.during = async () => {
      // Payments publishes a payment it created, and re-announces one the list already holds.
      await events.publish(channels.userDevices(userId), { type: 'approval', approval: listed });
      await events.publish(channels.userDevices(userId), { type: 'approval', approval: announced });
      await events.publish(channels.userDevices(userId), { type: 'resolved', payment_id: listed.payment_id });
    };
    const reader = await device.openEvents(baseUrl);
    t.after(() => reader.close());
    assert.deepEqual(await reader.next(), { event: 'approval', data: listed });
    assert.deepEqual(await reader.next(), { event: 'approval', data: announced });
    assert.deepEqual(await reader.next(), { event: 'resolved', data: { payment_id: listed.payment_id } });
  });

  test('if the waiting list cannot be read, the stream ends so the device reconnects or polls', async (t) => {
    class BrokenAuthorization extends FakeAuthorization {
      override async pendingApprovals(): Promise<PendingApproval[]> {
        throw new Error('payments unavailable');
      }
    }
    const { baseUrl, events, device } = await setup(t, new BrokenAuthorization());
    const reader = await device.openEvents(baseUrl);
    assert.equal(reader.status, 200);
    assert.equal(await reader.next(), undefined);
    await events.allUnsubscribed();
  });
});
