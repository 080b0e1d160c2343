import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readLatestSms } from '../../../../../test-support/payfriend.ts';
import { as, buildPaymentsApp, createPayment, getPayment, newPayer, otherCode, paymentBody, requestCode, verifyCode } from './payments-test-kit.ts';

describe('SMS code fallback', () => {
  test('sends a 6-digit code naming payee and amount to the verified phone; the right code approves', async (t) => {
    const { app, clock } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer, paymentBody({ amount: '19.99' }));
    const sent = await app.inject(as(payer, { method: 'POST', url: `/api/payments/${id}/sms` }));
    assert.equal(sent.statusCode, 202, sent.body);
    const body = sent.json();
    assert.deepEqual(Object.keys(body).sort(), ['expires_at', 'resend_after', 'sent_to']);
    assert.equal(body.sent_to, `+${'•'.repeat(payer.phone.length - 4)}${payer.phone.slice(-3)}`);
    assert.equal(body.expires_at, new Date(clock.now() + 300_000).toISOString());
    assert.equal(body.resend_after, 30);
    const sms = await readLatestSms(app, payer);
    assert.match(sms, /^Payfriend: approve €19\.99 to alice@example\.com with code \d{6}\. Valid 5 minutes\. Never share this code\.$/);
    const code = /code (\d{6})/.exec(sms)?.[1] ?? '';

    const approved = await verifyCode(app, payer, id, code);
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'approved');
    assert.equal(approved.json().decided_by, 'sms');
    assert.equal((await verifyCode(app, payer, id, code)).statusCode, 409, 'a code works once');
  });

  test('a wrong code is 422 naming code with the tries left; the fifth wrong try denies the payment; the sixth is 409', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const code = await requestCode(app, payer, id);
    const wrong = otherCode(code);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await verifyCode(app, payer, id, wrong);
      assert.equal(response.statusCode, 422);
      const error = response.json().error;
      assert.equal(error.code, 'OTP_INVALID');
      assert.equal(error.fields[0].field, 'code');
      assert.match(error.message, new RegExp(`${5 - attempt} tr(y|ies) left`));
    }
    const fifth = await verifyCode(app, payer, id, wrong);
    assert.equal(fifth.statusCode, 422);
    assert.equal(fifth.json().error.code, 'OTP_ATTEMPTS_EXHAUSTED');
    const payment = (await getPayment(app, payer, id)).json();
    assert.equal(payment.status, 'denied');
    assert.equal(payment.decided_by, 'attempts');
    const sixth = await verifyCode(app, payer, id, code);
    assert.equal(sixth.statusCode, 409, 'even the right code is too late');
    assert.equal(sixth.json().error.code, 'PAYMENT_ALREADY_DECIDED');
  });

  test('simultaneous wrong guesses cannot exceed the number of tries', async (t) => {
    const { app } = await buildPaymentsApp(t, { SCA_MAX_FAILURES: '100' });
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const code = await requestCode(app, payer, id);
    const guesses = Array.from({ length: 30 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const responses = await Promise.all([...guesses.map((g) => verifyCode(app, payer, id, g)), verifyCode(app, payer, id, code)]);
    const wrongCounted = responses.filter((r) => ['OTP_INVALID', 'OTP_ATTEMPTS_EXHAUSTED'].includes(r.json().error?.code)).length;
    assert.ok(wrongCounted <= 5, `${wrongCounted} wrong guesses were compared`);
    const status = (await getPayment(app, payer, id)).json().status;
    assert.ok(['approved', 'denied'].includes(status));
  });

  test('no code sent yet, an expired code, and a malformed code are 422 naming code; malformed costs no try', async (t) => {
    const { app, clock } = await buildPaymentsApp(t, { OTP_TTL_SECONDS: '60' });
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const none = await verifyCode(app, payer, id, '123456');
    assert.equal(none.statusCode, 422);
    assert.equal(none.json().error.code, 'OTP_NOT_SENT');
    assert.equal(none.json().error.fields[0].field, 'code');

    const code = await requestCode(app, payer, id);
    for (const malformed of ['12345', '1234567', 'abcdef', ` ${code}`]) {
      const response = await verifyCode(app, payer, id, malformed);
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().error.fields[0].field, 'code');
    }
    clock.advance(60_000);
    const expired = await verifyCode(app, payer, id, code);
    assert.equal(expired.statusCode, 422);
    assert.equal(expired.json().error.code, 'OTP_EXPIRED');
    assert.equal((await getPayment(app, payer, id)).json().status, 'pending');

    // A fresh code still has all its tries: the malformed ones did not count.
    const fresh = await requestCode(app, payer, id);
    for (let i = 0; i < 4; i += 1) assert.equal((await verifyCode(app, payer, id, otherCode(fresh))).json().error.code, 'OTP_INVALID');
    assert.equal((await verifyCode(app, payer, id, fresh)).statusCode, 200);
  });

  test('a code sent for one payment never approves another', async (t) => {
    const { app, clock } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const first = await createPayment(app, payer, paymentBody({ amount: '1.00' }));
    const second = await createPayment(app, payer, paymentBody({ amount: '2.00' }));
    const firstCode = await requestCode(app, payer, first);
    let secondCode = await requestCode(app, payer, second);
    while (secondCode === firstCode) {
      clock.advance(30_000);
      secondCode = await requestCode(app, payer, second);
    }
    const crossed = await verifyCode(app, payer, second, firstCode);
    assert.equal(crossed.statusCode, 422);
    assert.equal(crossed.json().error.code, 'OTP_INVALID');
    assert.equal((await getPayment(app, payer, second)).json().status, 'pending');
    assert.equal((await verifyCode(app, payer, first, firstCode)).json().status, 'approved');
    assert.equal((await getPayment(app, payer, second)).json().status, 'pending');
    assert.equal((await verifyCode(app, payer, second, secondCode)).json().status, 'approved');
  });

  test('a resend waits for the cool-down, then replaces the code and resets the tries', async (t) => {
    const { app, clock } = await buildPaymentsApp(t, { SCA_MAX_FAILURES: '100' });
    const payer = await newPayer(app);
    const id = await createPayment(app, payer);
    const firstCode = await requestCode(app, payer, id);
    const tooSoon = await app.inject(as(payer, { method: 'POST', url: `/api/payments/${id}/sms` }));
    assert.equal(tooSoon.statusCode, 429);
    assert.equal(tooSoon.json().error.code, 'SMS_RESEND_TOO_SOON');
    assert.ok(Number(tooSoon.headers['retry-after']) > 0);
    for (let i = 0; i < 4; i += 1) await verifyCode(app, payer, id, otherCode(firstCode));

    clock.advance(30_000);
    const secondCode = await requestCode(app, payer, id);
    if (secondCode !== firstCode) {
      assert.equal((await verifyCode(app, payer, id, firstCode)).json().error.code, 'OTP_INVALID', 'the old code is gone');
    }
    for (let i = 0; i < 3; i += 1) assert.equal((await verifyCode(app, payer, id, otherCode(secondCode))).json().error.code, 'OTP_INVALID');
    assert.equal((await verifyCode(app, payer, id, secondCode)).json().status, 'approved');
  });

  test('sending a code for a decided or expired payment is 409', async (t) => {
    const { app, clock, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const decided = await createPayment(app, payer);
    await authorization.decideByDevice(payer.userId, decided, 'approve');
    const late = await app.inject(as(payer, { method: 'POST', url: `/api/payments/${decided}/sms` }));
    assert.equal(late.json().error.code, 'PAYMENT_ALREADY_DECIDED');
    const expiring = await createPayment(app, payer);
    clock.advance(300_000);
    const expired = await app.inject(as(payer, { method: 'POST', url: `/api/payments/${expiring}/sms` }));
    assert.equal(expired.statusCode, 409);
    assert.equal(expired.json().error.code, 'PAYMENT_EXPIRED');
  });
});

describe('blocking after consecutive failures', () => {
  test('five failures in a row, across methods, block every decision with 403 SCA_BLOCKED and Retry-After until the block ends', async (t) => {
    const { app, clock, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const target = await createPayment(app, payer, paymentBody({ amount: '5.00' }));
    const id = await createPayment(app, payer);
    const code = await requestCode(app, payer, id);
    await authorization.recordFailure(payer.userId);
    await authorization.recordFailure(payer.userId);
    for (let i = 0; i < 3; i += 1) assert.equal((await verifyCode(app, payer, id, otherCode(code))).statusCode, 422);

    const blockedVerify = await verifyCode(app, payer, id, code);
    assert.equal(blockedVerify.statusCode, 403);
    assert.equal(blockedVerify.json().error.code, 'SCA_BLOCKED');
    assert.equal(blockedVerify.headers['retry-after'], '900');
    assert.match(blockedVerify.json().error.message, /2026-01-01T00:15:00\.000Z/);
    await assert.rejects(authorization.decideByDevice(payer.userId, target, 'approve'), (error: { code?: string; headers?: Record<string, string> }) => {
      assert.equal(error.code, 'SCA_BLOCKED');
      assert.equal(error.headers?.['retry-after'], '900');
      return true;
    });
    assert.equal((await app.inject(as(payer, { method: 'POST', url: `/api/payments/${target}/sms` }))).json().error.code, 'SCA_BLOCKED');
    assert.equal((await getPayment(app, payer, target)).json().status, 'pending');

    clock.advance(899_000);
    const fresh = await createPayment(app, payer);
    await assert.rejects(authorization.decideByDevice(payer.userId, fresh, 'approve'), { code: 'SCA_BLOCKED', headers: { 'retry-after': '1' } });
    clock.advance(1_000);
    assert.equal((await authorization.decideByDevice(payer.userId, fresh, 'approve')).status, 'approved');
  });

  test('a success resets the count: four failures, a success, four failures do not block', async (t) => {
    const { app, authorization } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    for (let i = 0; i < 4; i += 1) await authorization.recordFailure(payer.userId);
    const first = await createPayment(app, payer);
    const code = await requestCode(app, payer, first);
    assert.equal((await verifyCode(app, payer, first, code)).statusCode, 200);
    for (let i = 0; i < 4; i += 1) await authorization.recordFailure(payer.userId);
    const second = await createPayment(app, payer);
    assert.equal((await authorization.decideByDevice(payer.userId, second, 'approve')).status, 'approved');
    for (let i = 0; i < 4; i += 1) await authorization.recordFailure(payer.userId);
    const third = await createPayment(app, payer);
    assert.equal((await authorization.decideByDevice(payer.userId, third, 'deny')).status, 'denied', 'the device success reset it too');
  });

  test('failures are counted per user', async (t) => {
    const { app, authorization } = await buildPaymentsApp(t);
    const mallory = await newPayer(app);
    const alice = await newPayer(app);
    for (let i = 0; i < 5; i += 1) await authorization.recordFailure(mallory.userId);
    const id = await createPayment(app, alice);
    assert.equal((await authorization.decideByDevice(alice.userId, id, 'approve')).status, 'approved');
  });
});
