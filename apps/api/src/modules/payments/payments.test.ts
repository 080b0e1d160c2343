import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { channels } from '../../core/events.ts';
import { as, buildPaymentsApp, createPayment, getPayment, newPayer, paymentBody, postPayment } from './payments-test-kit.ts';

const PAYMENT_FIELDS = ['amount', 'amount_display', 'amount_minor', 'created_at', 'currency', 'decided_at', 'decided_by', 'expires_at', 'id', 'payee', 'status'];

describe('creating a payment', () => {
  test('201 with a pending payment in exact minor units, expiring after the challenge time', async (t) => {
    const { app, clock } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const response = await postPayment(app, payer, paymentBody({ payee: ' Alice@Example.COM ', amount: '8.2', currency: 'eur' }));
    assert.equal(response.statusCode, 201, response.body);
    const payment = response.json();
    assert.deepEqual(Object.keys(payment).sort(), PAYMENT_FIELDS);
    assert.equal(payment.payee, 'alice@example.com');
    assert.equal(payment.amount, '8.20');
    assert.equal(payment.amount_minor, 820);
    assert.equal(payment.currency, 'EUR');
    assert.equal(payment.amount_display, '€8.20');
    assert.equal(payment.status, 'pending');
    assert.equal(payment.created_at, new Date(clock.now()).toISOString());
    assert.equal(payment.expires_at, new Date(clock.now() + 300_000).toISOString());
    assert.equal(payment.decided_at, null);
    assert.deepEqual((await getPayment(app, payer, payment.id)).json(), payment);
  });

  test('a retry with the same Idempotency-Key returns the same payment (200), and there is one payment', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const first = await postPayment(app, payer, paymentBody(), 'key-1');
    const second = await postPayment(app, payer, paymentBody(), 'key-1');
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), first.json());
    const list = (await app.inject(as(payer, { method: 'GET', url: '/api/payments' }))).json();
    assert.equal(list.total, 1);
  });

  test('20 simultaneous posts with one key make one payment', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const responses = await Promise.all(Array.from({ length: 20 }, () => postPayment(app, payer, paymentBody(), 'double-click')));
    assert.equal(responses.filter((r) => r.statusCode === 201).length, 1, responses.map((r) => r.statusCode).join(','));
    assert.equal(responses.filter((r) => r.statusCode === 200).length, 19);
    assert.equal(new Set(responses.map((r) => r.json().id)).size, 1);
    assert.equal((await app.inject(as(payer, { method: 'GET', url: '/api/payments' }))).json().total, 1);
  });

  test('the same key for a different request is 422 IDEMPOTENCY_KEY_REUSED; keys are per payer', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const other = await newPayer(app);
    await postPayment(app, payer, paymentBody(), 'shared');
    for (const change of [{ amount: '19.98' }, { currency: 'USD' }, { payee: 'bob@example.com' }]) {
      const reused = await postPayment(app, payer, paymentBody(change), 'shared');
      assert.equal(reused.statusCode, 422);
      assert.equal(reused.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(reused.json().error.fields[0].field, 'Idempotency-Key');
    }
    // The same request spelled differently is the same request.
    assert.equal((await postPayment(app, payer, paymentBody({ currency: 'eur', payee: 'ALICE@example.com' }), 'shared')).statusCode, 200);
    assert.equal((await postPayment(app, other, paymentBody(), 'shared')).statusCode, 201, 'another payer may use the same key');
  });

  test('Idempotency-Key is required and must be 1–255 printable ASCII characters (400 naming it)', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const cases: [Record<string, string>, string][] = [
      [{}, 'IDEMPOTENCY_KEY_REQUIRED'],
      [{ 'idempotency-key': 'x'.repeat(256) }, 'INVALID_IDEMPOTENCY_KEY'],
      [{ 'idempotency-key': 'naïve' }, 'INVALID_IDEMPOTENCY_KEY'],
      [{ 'idempotency-key': 'tab\tinside' }, 'INVALID_IDEMPOTENCY_KEY'],
    ];
    for (const [headers, code] of cases) {
      // Even with a bad body, the missing key is what is reported.
      for (const payload of [paymentBody(), { amount: 'nope' }]) {
        const response = await app.inject(as(payer, { method: 'POST', url: '/api/payments', headers, payload }));
        assert.equal(response.statusCode, 400, `${JSON.stringify(headers)} ${response.body}`);
        assert.equal(response.json().error.code, code);
        assert.equal(response.json().error.fields[0].field, 'Idempotency-Key');
      }
    }
    assert.equal((await postPayment(app, payer, paymentBody(), 'x'.repeat(255))).statusCode, 201);
    assert.equal((await app.inject(as(payer, { method: 'GET', url: '/api/payments' }))).json().total, 1);
  });

  test('a payer without a verified phone gets 403 PHONE_NOT_VERIFIED', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const unverified = await registerWithToken(app);
    const response = await app.inject({ method: 'POST', url: '/api/payments', headers: { ...unverified.auth, 'idempotency-key': 'k' }, payload: paymentBody() });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error.code, 'PHONE_NOT_VERIFIED');
  });

  test('needs a signed-in caller, and the page must send its CSRF token', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const anonymous = await app.inject({ method: 'POST', url: '/api/payments', headers: { 'idempotency-key': 'k' }, payload: paymentBody() });
    assert.equal(anonymous.statusCode, 401);
    const page = { method: 'POST' as const, url: '/api/payments', cookies: payer.cookies, payload: paymentBody() };
    assert.equal((await app.inject({ ...page, headers: { 'idempotency-key': 'k' } })).statusCode, 403);
    assert.equal((await app.inject({ ...page, headers: { 'idempotency-key': 'k', 'x-csrf-token': payer.csrfToken } })).statusCode, 201);
  });

  test('publishes the new approval request to the payer\'s devices after it committed', async (t) => {
    const { app, events } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const seen: unknown[] = [];
    await events.subscribe(channels.userDevices(payer.userId), (event) => seen.push(event));
    const response = await postPayment(app, payer, paymentBody(), 'once');
    await postPayment(app, payer, paymentBody(), 'once');
    const payment = response.json();
    assert.equal(seen.length, 1, 'a retry announces nothing new');
    const event = seen[0] as { type: string; approval: Record<string, string> };
    assert.equal(event.type, 'approval');
    assert.equal(event.approval.payment_id, payment.id);
    assert.equal(event.approval.payee, 'alice@example.com');
    assert.equal(event.approval.amount, '19.99');
    assert.equal(event.approval.amount_display, '€19.99');
    assert.match(event.approval.digest ?? '', /^[0-9a-f]{64}$/);
    assert.match(event.approval.requested_from ?? '', / · lightMyRequest$/);
  });
});

describe('payment input validation', () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ['zero', { amount: '0' }, 'amount'],
    ['negative', { amount: '-1.00' }, 'amount'],
    ['leading plus', { amount: '+1.00' }, 'amount'],
    ['too many decimals', { amount: '1.999' }, 'amount'],
    ['decimals for yen', { amount: '0.5', currency: 'JPY' }, 'amount'],
    ['exponent', { amount: '1e2' }, 'amount'],
    ['thousands separator', { amount: '1,000.00' }, 'amount'],
    ['inner whitespace', { amount: '1 000' }, 'amount'],
    ['Arabic-Indic digits', { amount: '\u0661\u0662' }, 'amount'],
    ['leading dot', { amount: '.50' }, 'amount'],
    ['trailing dot', { amount: '5.' }, 'amount'],
    ['absurd', { amount: '1000000.01' }, 'amount'],
    ['a number, not a string', { amount: 19.99 }, 'amount'],
    ['missing amount', { amount: undefined }, 'amount'],
    ['unknown currency', { currency: 'XYZ' }, 'currency'],
    ['four-letter currency', { currency: 'EURO' }, 'currency'],
    ['not an email', { payee: 'alice' }, 'payee'],
    ['empty payee', { payee: '' }, 'payee'],
    ['missing payee', { payee: undefined }, 'payee'],
  ];
  for (const [name, change, field] of bad) {
    test(`refuses ${name}, naming ${field}, and stores nothing`, async (t) => {
      const { app } = await buildPaymentsApp(t);
      const payer = await newPayer(app);
      const response = await postPayment(app, payer, paymentBody(change));
      assert.equal(response.statusCode, 422, response.body);
      assert.ok(response.json().error.fields.some((f: { field: string }) => f.field === field), response.body);
      assert.equal((await app.inject(as(payer, { method: 'GET', url: '/api/payments' }))).json().total, 0);
    });
  }

  test('a payer cannot pay themselves', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const response = await postPayment(app, payer, paymentBody({ payee: payer.email.toUpperCase() }));
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.fields[0].field, 'payee');
  });

  test('every bad field is named at once; an amount\'s decimals are judged only once its currency is known', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const fieldsOf = async (change: Record<string, unknown>) =>
      (await postPayment(app, payer, paymentBody(change))).json().error.fields.map((f: { field: string }) => f.field);
    assert.deepEqual(await fieldsOf({ payee: payer.email, amount: '12,50' }), ['payee', 'amount']);
    assert.deepEqual(await fieldsOf({ payee: 'nobody', amount: '1.999', currency: 'XYZ' }), ['payee', 'currency']);
    assert.deepEqual(await fieldsOf({ payee: 'nobody', amount: '12,50', currency: 'XYZ' }), ['payee', 'currency', 'amount']);
    const comma = await postPayment(app, payer, paymentBody({ amount: '12,50' }));
    assert.equal(comma.json().error.fields[0].message, 'must use "." for decimals, e.g. 12.50');
  });
});

describe('reading payments', () => {
  test('lists the caller\'s payments newest first, paged, with the total', async (t) => {
    const { app, clock } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    const other = await newPayer(app);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i += 1) ids.push(await createPayment(app, payer, paymentBody({ amount: `${i}.00` })));
    await createPayment(app, other);
    const page1 = (await app.inject(as(payer, { method: 'GET', url: '/api/payments?page=1&per_page=2' }))).json();
    assert.deepEqual(page1.items.map((p: { id: string }) => p.id), [ids[4], ids[3]]);
    assert.deepEqual({ page: page1.page, per_page: page1.per_page, total: page1.total }, { page: 1, per_page: 2, total: 5 });
    const page3 = (await app.inject(as(payer, { method: 'GET', url: '/api/payments?page=3&per_page=2' }))).json();
    assert.deepEqual(page3.items.map((p: { id: string }) => p.id), [ids[0]]);
    const beyond = (await app.inject(as(payer, { method: 'GET', url: '/api/payments?page=9&per_page=2' }))).json();
    assert.deepEqual(beyond.items, []);
    const defaults = (await app.inject(as(payer, { method: 'GET', url: '/api/payments' }))).json();
    assert.equal(defaults.per_page, 20);
    assert.equal(defaults.items.length, 5);
    // Same millisecond for all of them: the order still comes from insertion.
    assert.ok(defaults.items.every((p: { created_at: string }) => p.created_at === new Date(clock.now()).toISOString()));
  });

  test('refuses bad paging parameters, naming them', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    for (const [query, field] of [
      ['per_page=101', 'per_page'],
      ['per_page=0', 'per_page'],
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=abc', 'page'],
      ['per_page=1.5', 'per_page'],
      ['page=0x10', 'page'],
      ['page=1e3', 'page'],
      ['page=%201', 'page'],
      ['per_page=1e1', 'per_page'],
      ['page=1&page=2', 'page'],
      ['page=', 'page'],
    ]) {
      const response = await app.inject(as(payer, { method: 'GET', url: `/api/payments?${query}` }));
      assert.equal(response.statusCode, 422, `${query}: ${response.body}`);
      assert.equal(response.json().error.fields[0].field, field);
    }
  });

  test('a malformed id is 400 naming id', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const payer = await newPayer(app);
    for (const url of ['/api/payments/123', '/api/payments/not-a-uuid', '/api/payments/not-a-uuid/events']) {
      const response = await app.inject(as(payer, { method: 'GET', url }));
      assert.equal(response.statusCode, 400, url);
      assert.equal(response.json().error.fields[0].field, 'id');
    }
  });

  test('another payer\'s payment is 404 on every route, exactly like a missing one, and stays untouched', async (t) => {
    const { app } = await buildPaymentsApp(t);
    const owner = await newPayer(app);
    const stranger = await newPayer(app);
    const id = await createPayment(app, owner);
    const before = (await getPayment(app, owner, id)).json();
    const missingId = '00000000-0000-4000-8000-000000000000';
    const routes = (paymentId: string) => [
      { method: 'GET' as const, url: `/api/payments/${paymentId}` },
      { method: 'GET' as const, url: `/api/payments/${paymentId}/events` },
      { method: 'POST' as const, url: `/api/payments/${paymentId}/sms` },
      { method: 'POST' as const, url: `/api/payments/${paymentId}/verify`, payload: { code: '123456' } },
    ];
    const missing = await Promise.all(routes(missingId).map((r) => app.inject(as(stranger, r))));
    const foreign = await Promise.all(routes(id).map((r) => app.inject(as(stranger, r))));
    foreign.forEach((response, i) => {
      assert.equal(response.statusCode, 404, `${routes(id)[i]?.method} ${routes(id)[i]?.url}: ${response.body}`);
      assert.deepEqual(response.json(), missing[i]?.json(), 'indistinguishable from a missing payment');
    });
    const list = (await app.inject(as(stranger, { method: 'GET', url: '/api/payments' }))).json();
    assert.equal(list.total, 0);
    assert.deepEqual((await getPayment(app, owner, id)).json(), before);
  });
});

test('the payer\'s page reads when to offer the SMS code from the server\'s settings', async (t) => {
  const { app } = await buildTestApp(t, { env: { SMS_FALLBACK_AFTER_SECONDS: '7' } });
  const { auth } = await registerWithToken(app);
  const response = await app.inject({ method: 'GET', url: '/api/payments/settings', headers: auth });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { sms_fallback_after_seconds: 7, challenge_ttl_seconds: 300 });
  assert.equal((await app.inject({ method: 'GET', url: '/api/payments/settings' })).statusCode, 401);
});
