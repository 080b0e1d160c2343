/**
 * The whole authenticator story on the real server: a payer with a verified
 * phone pairs a device, creates payments through the payments API, and the
 * device sees, refuses, denies and approves them.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import type { Payment, PendingApproval } from '#contracts/payfriend.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { pairingCode, send, TestDevice } from '../../../../../test-support/device-client.ts';
import { registerWithVerifiedPhone, type VerifiedUser } from '../../../../../test-support/payfriend.ts';
import { ManualClock } from '../../core/clock.ts';

let keyCounter = 0;

async function setup(t: TestContext, options: { listen?: boolean } = {}) {
  let server: Server | undefined;
  // Registered before the app's own teardown, so it runs first: fetch() may keep a spare idle socket open.
  t.after(() => server?.closeAllConnections());
  const clock = new ManualClock();
  const { app, config } = await buildTestApp(t, { overrides: { clock } });
  let baseUrl = '';
  if (options.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    server = app.server;
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }
  const payer = await registerWithVerifiedPhone(app);
  const device = await TestDevice.paired(app, await pairingCode(app, payer), { clock });
  const pay = async (amount = '19.99', user: VerifiedUser = payer): Promise<Payment> => {
    keyCounter += 1;
    const response = await app.inject({
      method: 'POST',
      url: '/api/payments',
      headers: { ...user.auth, 'idempotency-key': `device-test-${keyCounter}` },
      payload: { payee: 'bob@example.com', amount, currency: 'EUR' },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<Payment>();
  };
  const paymentStatus = async (id: string, user: VerifiedUser = payer) =>
    (await app.inject({ method: 'GET', url: `/api/payments/${id}`, headers: user.auth })).json<Payment>().status;
  return { app, config, clock, baseUrl, payer, device, pay, paymentStatus };
}

function digestOf(approvals: PendingApproval[], paymentId: string): string {
  const approval = approvals.find((a) => a.payment_id === paymentId);
  assert.ok(approval, `no pending approval for ${paymentId}`);
  return approval.digest;
}

const errorCode = (response: { json<T>(): T }) => response.json<{ error: { code: string } }>().error.code;

describe('approving payments from a paired device (real payments)', () => {
  test('the device hears of a new payment, refuses a wrong digest and a replay, approves, and hears it resolved', async (t) => {
    const { baseUrl, device, pay, paymentStatus } = await setup(t, { listen: true });
    const events = await device.openEvents(baseUrl);
    t.after(() => events.close());

    const payment = await pay('19.99');
    const announced = await events.next();
    assert.equal(announced?.event, 'approval');
    const approval = announced?.data as PendingApproval;
    assert.equal(approval.payment_id, payment.id);
    assert.equal(approval.payee, 'bob@example.com');
    assert.equal(approval.amount_display, '€19.99');
    assert.deepEqual(await device.approvals(baseUrl), [approval]);

    const other = await pay('5.00');
    assert.equal((await events.next())?.event, 'approval');
    const approvals = await device.approvals(baseUrl);
    const wrongDigest = await device.approve(baseUrl, payment.id, digestOf(approvals, other.id));
    assert.equal(wrongDigest.status, 422);
    assert.equal(errorCode(wrongDigest), 'DECISION_SIGNATURE_INVALID');
    assert.equal(await paymentStatus(payment.id), 'pending');

    const path = `/api/device/approvals/${payment.id}`;
    const body = JSON.stringify({ decision: 'approve', signature: await device.sign(`${approval.digest}.approve`) });
    const headers = await device.signedHeaders({ method: 'POST', path, body });
    const approved = await send(baseUrl, 'POST', path, body, headers);
    assert.equal(approved.status, 200, approved.body);
    assert.equal(approved.json<Payment>().status, 'approved');
    assert.equal(approved.json<Payment>().decided_by, 'device');
    const replay = await send(baseUrl, 'POST', path, body, headers);
    assert.equal(replay.status, 401);
    assert.equal(errorCode(replay), 'DEVICE_REPLAY');

    assert.deepEqual(await events.next(), { event: 'resolved', data: { payment_id: payment.id, status: 'approved', decided_by: 'device' } });
    assert.equal(await paymentStatus(payment.id), 'approved');
    assert.deepEqual((await device.approvals(baseUrl)).map((a) => a.payment_id), [other.id]);

    const late = await device.approve(baseUrl, payment.id, approval.digest);
    assert.equal(late.status, 409);
  });

  test('deny decides the payment as denied', async (t) => {
    const { app, device, pay, paymentStatus } = await setup(t);
    const payment = await pay();
    const response = await device.deny(app, payment.id, digestOf(await device.approvals(app), payment.id));
    assert.equal(response.status, 200, response.body);
    assert.equal(response.json<Payment>().status, 'denied');
    assert.equal(await paymentStatus(payment.id), 'denied');
    assert.deepEqual(await device.approvals(app), []);
  });

  test('another payer’s payment is 404 to this device and is not touched', async (t) => {
    const { app, device, pay, paymentStatus } = await setup(t);
    const stranger = await registerWithVerifiedPhone(app);
    const theirs = await pay('3.00', stranger);
    const response = await device.approve(app, theirs.id, 'a'.repeat(64));
    assert.equal(response.status, 404);
    assert.equal(await paymentStatus(theirs.id, stranger), 'pending');
    assert.deepEqual(await device.approvals(app), []);
  });

  test('decision signatures that do not verify count as failed authentications, up to a block', async (t) => {
    const { app, config, device, pay, paymentStatus } = await setup(t);
    const payment = await pay();
    const digest = digestOf(await device.approvals(app), payment.id);
    for (let i = 0; i < config.payments.maxConsecutiveFailures; i += 1) {
      const bad = await device.approve(app, payment.id, `${digest}x`);
      assert.equal(errorCode(bad), 'DECISION_SIGNATURE_INVALID');
    }
    const blocked = await device.approve(app, payment.id, digest);
    assert.equal(blocked.status, 403);
    assert.equal(errorCode(blocked), 'SCA_BLOCKED');
    assert.equal(await paymentStatus(payment.id), 'pending');
  });

  test('a revoked device can no longer decide', async (t) => {
    const { app, payer, device, pay, paymentStatus } = await setup(t);
    const payment = await pay();
    const digest = digestOf(await device.approvals(app), payment.id);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/account/devices/${device.id}`,
      cookies: payer.cookies,
      headers: { 'x-csrf-token': payer.csrfToken },
    });
    assert.equal(revoke.statusCode, 204);
    const response = await device.approve(app, payment.id, digest);
    assert.equal(response.status, 401);
    assert.equal(errorCode(response), 'DEVICE_REVOKED');
    assert.equal(await paymentStatus(payment.id), 'pending');
  });
});
