import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { registerWithSession } from '../../../../../test-support/api-client.ts';
import { pairingCode, send, TestDevice } from '../../../../../test-support/device-client.ts';
import { ManualClock } from '../../core/clock.ts';
import { buildDevicesTestApp } from './devices-test-app.ts';
import { FakeAuthorization } from './fake-authorization.ts';

async function setup(t: TestContext) {
  const clock = new ManualClock();
  const authorization = new FakeAuthorization();
  const { app } = await buildDevicesTestApp(t, { clock, authorization });
  const session = await registerWithSession(app);
  const device = await TestDevice.paired(app, await pairingCode(app, session), { clock });
  return { app, clock, authorization, session, userId: session.userId, device };
}

const errorOf = (response: { json<T>(): T }) => response.json<{ error: { code: string; fields?: { field: string }[] } }>().error;

describe('approvals seen by a device (payments stand-in)', () => {
  test('a device lists only its own user’s pending approvals', async (t) => {
    const { app, clock, authorization, userId, device } = await setup(t);
    const mine = authorization.add(userId);
    const stranger = await registerWithSession(app);
    const theirs = authorization.add(stranger.userId);
    assert.deepEqual(await device.approvals(app), [mine]);
    const theirDevice = await TestDevice.paired(app, await pairingCode(app, stranger), { clock });
    assert.deepEqual(await theirDevice.approvals(app), [theirs]);
  });

  test('approve: a signature over this payment’s digest decides it and returns the payment', async (t) => {
    const { app, authorization, userId, device } = await setup(t);
    const approval = authorization.add(userId);
    const response = await device.approve(app, approval.payment_id, approval.digest);
    assert.equal(response.status, 200, response.body);
    assert.equal(response.json<{ id: string; status: string }>().status, 'approved');
    assert.deepEqual(await device.approvals(app), []);
  });

  test('deny works the same way, and a later decision gets the payments feature’s 409', async (t) => {
    const { app, authorization, userId, device } = await setup(t);
    const approval = authorization.add(userId);
    assert.equal((await device.deny(app, approval.payment_id, approval.digest)).json<{ status: string }>().status, 'denied');
    const late = await device.approve(app, approval.payment_id, approval.digest);
    assert.equal(late.status, 409);
    assert.equal(errorOf(late).code, 'PAYMENT_NOT_PENDING');
  });

  test('a signature over another payment’s digest is refused, counted as a failure, and decides nothing', async (t) => {
    const { app, authorization, userId, device } = await setup(t);
    const target = authorization.add(userId);
    const other = authorization.add(userId);
    const response = await device.approve(app, target.payment_id, other.digest);
    assert.equal(response.status, 422);
    assert.equal(errorOf(response).code, 'DECISION_SIGNATURE_INVALID');
    assert.deepEqual(errorOf(response).fields?.map((f) => f.field), ['signature']);
    assert.equal(authorization.failures.get(userId), 1);
    assert.equal(authorization.payments.get(target.payment_id)?.status, 'pending');
  });

  test('a signature over the other decision, or by another device of the same user, is refused', async (t) => {
    const { app, clock, authorization, session, userId, device } = await setup(t);
    const approval = authorization.add(userId);
    const path = `/api/device/approvals/${approval.payment_id}`;
    const flipped = await device.request(app, 'POST', path, { decision: 'approve', signature: await device.sign(`${approval.digest}.deny`) });
    assert.equal(errorOf(flipped).code, 'DECISION_SIGNATURE_INVALID');
    const second = await TestDevice.paired(app, await pairingCode(app, session), { clock });
    const borrowed = await device.request(app, 'POST', path, { decision: 'approve', signature: await second.sign(`${approval.digest}.approve`) });
    assert.equal(errorOf(borrowed).code, 'DECISION_SIGNATURE_INVALID');
    const garbage = await device.request(app, 'POST', path, { decision: 'approve', signature: 'AAAA' });
    assert.equal(errorOf(garbage).code, 'DECISION_SIGNATURE_INVALID');
    assert.equal(authorization.failures.get(userId), 3);
    assert.equal(authorization.payments.get(approval.payment_id)?.status, 'pending');
  });

  test('a replayed decision request is refused before it reaches payments', async (t) => {
    const { app, authorization, userId, device } = await setup(t);
    const approval = authorization.add(userId);
    const path = `/api/device/approvals/${approval.payment_id}`;
    const body = JSON.stringify({ decision: 'approve', signature: await device.sign(`${approval.digest}.approve`) });
    const headers = await device.signedHeaders({ method: 'POST', path, body });
    assert.equal((await send(app, 'POST', path, body, headers)).status, 200);
    const replay = await send(app, 'POST', path, body, headers);
    assert.equal(replay.status, 401);
    assert.equal(errorOf(replay).code, 'DEVICE_REPLAY');
  });

  test('another user’s payment and an unknown one are both 404, and no failure is counted', async (t) => {
    const { app, authorization, userId, device } = await setup(t);
    const stranger = await registerWithSession(app);
    const theirs = authorization.add(stranger.userId);
    const foreign = await device.approve(app, theirs.payment_id, theirs.digest);
    const unknown = await device.approve(app, 'no-such-payment', theirs.digest);
    assert.equal(foreign.status, 404);
    assert.deepEqual(foreign.json(), unknown.json());
    assert.equal(authorization.failures.get(userId), undefined);
    assert.equal(authorization.payments.get(theirs.payment_id)?.status, 'pending');
  });

  test('a decision other than approve or deny is a validation error', async (t) => {
    const { app, authorization, userId, device } = await setup(t);
    const approval = authorization.add(userId);
    const response = await device.request(app, 'POST', `/api/device/approvals/${approval.payment_id}`, { decision: 'maybe', signature: 'AAAA' });
    assert.equal(response.status, 422);
    assert.equal(errorOf(response).fields?.[0]?.field, 'decision');
  });
});
