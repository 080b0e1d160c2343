import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { channels } from '../../core/events.ts';
import * as repo from './payments.repository.ts';
import {
  as,
  buildPaymentsApp,
  createPayment,
  getPayment,
  newPayer,
  paymentBody,
  requestCode,
  signedCallbackHeaders,
  verifyCode,
} from './payments-test-kit.ts';

const outcome = async (work: Promise<unknown>): Promise<number> => {
  try {
    await work;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
};

describe('one decision per payment', () => {
  test('50 simultaneous approvals and denials through device, SMS code and callback: exactly one wins', async (t) => {
    const { app, config, clock, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const code = await requestCode(app, payer, id);
    const callback = (status: string, i: number) => {
      const params: [string, string][] = [['status', status], ['uuid', id]];
      const nonce = String(clock.now() / 1000 + i);
      return app
        .inject({ method: 'POST', url: '/api/push/callback', headers: signedCallbackHeaders(config, params, { nowMs: clock.now(), nonce }), payload: Object.fromEntries(params) })
        .then((r) => r.statusCode);
    };
    const attempts: Promise<number>[] = [];
    for (let i = 0; i < 50; i += 1) {
      if (i % 5 === 0) attempts.push(verifyCode(app, payer, id, code).then((r) => r.statusCode));
      else if (i % 5 === 1 || i % 5 === 2) attempts.push(outcome(authorization.decideByDevice(payer.userId, id, i % 2 ? 'approve' : 'deny')));
      else attempts.push(callback(i % 2 ? 'approved' : 'denied', i));
    }
    const statuses = await Promise.all(attempts);
    assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(','));
    // The losers hear that it is decided (409), or, for SMS tries past the limit, that no tries are left (422).
    assert.ok(statuses.every((s) => s === 200 || s === 409 || s === 422), statuses.join(','));
    const payment = (await getPayment(app, payer, id)).json();
    assert.ok(['approved', 'denied'].includes(payment.status));
    assert.ok(['sms', 'device', 'callback'].includes(payment.decided_by));
  });

  test('a decided payment never changes again: every later decision is 409 PAYMENT_ALREADY_DECIDED', async (t) => {
    const { app, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const approved = await authorization.decideByDevice(payer.userId, id, 'approve');
    assert.equal(approved.status, 'approved');
    assert.equal(approved.decided_by, 'device');
    await assert.rejects(authorization.decideByDevice(payer.userId, id, 'deny'), { status: 409, code: 'PAYMENT_ALREADY_DECIDED' });
    await assert.rejects(authorization.decideByDevice(payer.userId, id, 'approve'), { status: 409, code: 'PAYMENT_ALREADY_DECIDED' });
    const sms = await app.inject(as(payer, { method: 'POST', url: `/api/payments/${id}/sms` }));
    assert.equal(sms.statusCode, 409);
    const verify = await verifyCode(app, payer, id, '123456');
    assert.equal(verify.json().error.code, 'PAYMENT_ALREADY_DECIDED');
    assert.deepEqual((await getPayment(app, payer, id)).json(), approved);
  });

  test('a decision is announced on the payment\'s channel and to the payer\'s devices', async (t) => {
    const { app, events, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const onPayment: unknown[] = [];
    const onDevices: unknown[] = [];
    await events.subscribe(channels.payment(id), (e) => onPayment.push(e));
    await events.subscribe(channels.userDevices(payer.userId), (e) => onDevices.push(e));
    const denied = await authorization.decideByDevice(payer.userId, id, 'deny');
    assert.deepEqual(onPayment, [{ type: 'status', payment: denied }]);
    assert.deepEqual(onDevices, [{ type: 'resolved', payment_id: id, status: 'denied', decided_by: 'device' }]);
    await authorization.decideByDevice(payer.userId, id, 'approve').catch(() => undefined);
    assert.equal(onPayment.length, 1, 'a refused decision announces nothing');
  });
});

describe('expiry', () => {
  test('the sweep expires due payments once, announces it, and later decisions get 409 PAYMENT_EXPIRED', async (t) => {
    const { app, clock, events, sweep, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    clock.advance(60_000);
    const later = await createPayment(app, payer, paymentBody({ amount: '1.00' }));
    const seen: unknown[] = [];
    await events.subscribe(channels.payment(id), (e) => seen.push(e));

    clock.advance(240_000 - 1);
    await sweep();
    assert.equal((await getPayment(app, payer, id)).json().status, 'pending', 'one millisecond before its expiry');

    clock.advance(1);
    await sweep();
    const expired = (await getPayment(app, payer, id)).json();
    assert.equal(expired.status, 'expired');
    assert.equal(expired.decided_by, 'expiry');
    assert.equal(expired.decided_at, expired.expires_at);
    assert.deepEqual(seen, [{ type: 'status', payment: expired }]);
    assert.equal((await getPayment(app, payer, later)).json().status, 'pending', 'the later payment still waits');

    assert.equal(await sweep(), 0, 'nothing left to expire');
    assert.equal(seen.length, 1);
    await assert.rejects(authorization.decideByDevice(payer.userId, id, 'approve'), { status: 409, code: 'PAYMENT_EXPIRED' });
    assert.equal((await verifyCode(app, payer, id, '123456')).json().error.code, 'PAYMENT_EXPIRED');
  });

  test('a due payment reads as expired before any sweep, and cannot be approved', async (t) => {
    const { app, clock, authorization, database } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    clock.advance(300_000);
    const read = (await getPayment(app, payer, id)).json();
    assert.equal(read.status, 'expired');
    assert.equal(read.decided_by, 'expiry');
    const listed = (await app.inject(as(payer, { method: 'GET', url: '/api/payments' }))).json();
    assert.equal(listed.items[0].status, 'expired');
    assert.deepEqual(await authorization.pendingApprovals(payer.userId), []);
    // A decision attempt finds it due, writes the expiry and says so.
    await assert.rejects(authorization.decideByDevice(payer.userId, id, 'approve'), { code: 'PAYMENT_EXPIRED' });
    assert.equal((await repo.findPayment(database.db, id))?.status, 'expired');
  });

  test('the conditional writes: a decision needs pending and unexpired; expiry needs pending and due', async (t) => {
    const { app, clock, database } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const db = database.db;
    const now = clock.now();
    assert.equal(await repo.expirePayment(db, id, now), false, 'not due yet');
    assert.equal(await repo.decidePayment(db, { id, status: 'approved', decidedBy: 'device', now: now + 300_000 }), false, 'too late');
    assert.equal(await repo.decidePayment(db, { id, status: 'denied', decidedBy: 'device', now }), true);
    assert.equal(await repo.decidePayment(db, { id, status: 'approved', decidedBy: 'device', now }), false, 'only once');
    assert.equal(await repo.expirePayment(db, id, now + 300_000), false, 'a decided payment never expires');
    assert.equal((await repo.findPayment(db, id))?.status, 'denied');
  });
});

describe('the devices feature\'s view (PaymentAuthorization)', () => {
  test('pending approvals show payee, amount, origin, expiry and digest, newest first', async (t) => {
    const { app, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const first = await createPayment(app, payer, paymentBody({ amount: '1000', currency: 'JPY' }));
    const second = await createPayment(app, payer, paymentBody({ payee: 'bob@example.com', amount: '1.5', currency: 'KWD' }));
    const decided = await createPayment(app, payer);
    await authorization.decideByDevice(payer.userId, decided, 'deny');
    const approvals = await authorization.pendingApprovals(payer.userId);
    assert.deepEqual(approvals.map((a) => a.payment_id), [second, first]);
    const [kwd, jpy] = approvals;
    assert.deepEqual({ ...kwd, digest: undefined, requested_at: undefined, expires_at: undefined, requested_from: undefined }, {
      payment_id: second,
      payee: 'bob@example.com',
      amount: '1.500',
      currency: 'KWD',
      amount_display: 'KWD\u00a01.500',
      digest: undefined,
      requested_at: undefined,
      expires_at: undefined,
      requested_from: undefined,
    });
    assert.equal(jpy?.amount_display, '¥1,000');
    assert.equal(kwd?.requested_from, '127.0.0.1 · lightMyRequest');
    assert.equal(kwd?.digest, await authorization.challengeDigest(payer.userId, second));
    assert.notEqual(kwd?.digest, jpy?.digest);
    const stranger = await newPayer(app);
    assert.deepEqual(await authorization.pendingApprovals(stranger.userId), []);
    assert.equal(await authorization.challengeDigest(stranger.userId, second), undefined);
  });

  test('another payer\'s payment is 404 and stays pending', async (t) => {
    const { app, authorization } = await buildPaymentsApp(t);
    const owner = await newPayer(app);
    const stranger = await newPayer(app);
    const id = await createPayment(app, owner);
    await assert.rejects(authorization.decideByDevice(stranger.userId, id, 'approve'), { status: 404 });
    await assert.rejects(authorization.decideByDevice(owner.userId, '00000000-0000-4000-8000-000000000000', 'approve'), { status: 404 });
    assert.equal((await getPayment(app, owner, id)).json().status, 'pending');
  });
});
