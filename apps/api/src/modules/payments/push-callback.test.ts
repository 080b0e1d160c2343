import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildPaymentsApp, createPayment, getPayment, newPayer, type Payer, type PaymentsTestApp, signedCallbackHeaders } from './payments-test-kit.ts';
import { pushSignature } from './push-signature.ts';

/** A callback body as Authy OneTouch posts it, nested details included. */
function authyBody(uuid: string, status = 'approved') {
  return {
    approval_request: { transaction: { details: { Payee: 'alice@example.com', Amount: '€19.99' }, message: 'Approve payment', hidden_details: {} }, expiration_timestamp: 1767225900 },
    authy_id: 12345,
    callback_action: 'approval_request_status',
    device_uuid: 'd3v1c3',
    signature: 'provider-signature',
    status,
    uuid,
  };
}

function flatParams(body: object): [string, string][] {
  const out: [string, string][] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}[${k}]` : k, v);
    else out.push([prefix, String(value)]);
  };
  walk('', body);
  return out;
}

async function setUp(t: Parameters<typeof buildPaymentsApp>[0], env: Record<string, string> = {}) {
  const kit = await buildPaymentsApp(t, env);
  const payer = await newPayer(kit.app);
  const id = await createPayment(kit.app, payer);
  return { ...kit, payer, id };
}

function post(app: FastifyInstance, headers: Record<string, string>, payload: object | string, contentType = 'application/json') {
  return app.inject({ method: 'POST', url: '/api/push/callback', headers: { 'content-type': contentType, ...headers }, payload });
}

const statusOf = async (kit: PaymentsTestApp & { payer: Payer; id: string }) => (await getPayment(kit.app, kit.payer, kit.id)).json().status;

describe('push provider callback', () => {
  test('a validly signed JSON callback approves the payment (decided_by callback)', async (t) => {
    const kit = await setUp(t);
    const body = authyBody(kit.id);
    const response = await post(kit.app, signedCallbackHeaders(kit.config, flatParams(body), { nowMs: kit.clock.now() }), body);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { payment_id: kit.id, status: 'approved' });
    const payment = (await getPayment(kit.app, kit.payer, kit.id)).json();
    assert.equal(payment.status, 'approved');
    assert.equal(payment.decided_by, 'callback');
  });

  test('a form-encoded callback works the same, and may deny', async (t) => {
    const kit = await setUp(t);
    const params = flatParams(authyBody(kit.id, 'denied'));
    const form = new URLSearchParams(params).toString();
    const response = await post(kit.app, signedCallbackHeaders(kit.config, params, { nowMs: kit.clock.now() }), form, 'application/x-www-form-urlencoded');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(await statusOf(kit), 'denied');
  });

  test('form bodies are read only on this route', async (t) => {
    const kit = await setUp(t);
    const response = await kit.app.inject({
      method: 'POST',
      url: '/api/payments',
      headers: { ...kit.payer.auth, 'idempotency-key': 'form', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'payee=bob%40example.com&amount=1.00&currency=EUR',
    });
    assert.equal(response.statusCode, 415);
  });

  test('header names are case-insensitive', async (t) => {
    const kit = await setUp(t);
    const body = authyBody(kit.id);
    const signed = signedCallbackHeaders(kit.config, flatParams(body), { nowMs: kit.clock.now() });
    const headers = { 'X-AUTHY-SIGNATURE': signed['x-authy-signature'] ?? '', 'x-Authy-Signature-NONCE': signed['x-authy-signature-nonce'] ?? '' };
    assert.equal((await post(kit.app, headers, body)).statusCode, 200);
  });

  test('signs over PUBLIC_URL, so it verifies behind a proxy whatever Host the request carries', async (t) => {
    const kit = await setUp(t, { PUBLIC_URL: 'https://pay.example.com' });
    const body = authyBody(kit.id);
    const headers = { ...signedCallbackHeaders(kit.config, flatParams(body), { nowMs: kit.clock.now() }), host: 'internal:8080' };
    assert.equal((await post(kit.app, headers, body)).statusCode, 200);
  });

  const refusals: [string, (kit: Awaited<ReturnType<typeof setUp>>) => [Record<string, string>, object]][] = [
    ['signed with another key', (kit) => [signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id)), { nowMs: kit.clock.now(), key: 'not-the-key' }), authyBody(kit.id)]],
    ['an altered body', (kit) => [signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id, 'denied')), { nowMs: kit.clock.now() }), authyBody(kit.id, 'approved')]],
    ['an extra field', (kit) => [signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id)), { nowMs: kit.clock.now() }), { ...authyBody(kit.id), extra: 'x' }]],
    ['another path', (kit) => [signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id)), { nowMs: kit.clock.now(), path: '/callback' }), authyBody(kit.id)]],
    ['no signature header', (kit) => {
      const { 'x-authy-signature': _, ...headers } = signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id)), { nowMs: kit.clock.now() });
      return [headers, authyBody(kit.id)];
    }],
    ['no nonce header', (kit) => {
      const { 'x-authy-signature-nonce': _, ...headers } = signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id)), { nowMs: kit.clock.now() });
      return [headers, authyBody(kit.id)];
    }],
    ['a nonce six minutes old', (kit) => [signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id)), { nowMs: kit.clock.now() - 360_000 }), authyBody(kit.id)]],
    ['a nonce six minutes ahead', (kit) => [signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id)), { nowMs: kit.clock.now() + 360_000 }), authyBody(kit.id)]],
    ['a nonce that is not a timestamp', (kit) => [signedCallbackHeaders(kit.config, flatParams(authyBody(kit.id)), { nowMs: kit.clock.now(), nonce: 'abc' }), authyBody(kit.id)]],
  ];
  for (const [name, make] of refusals) {
    test(`refuses ${name} with 401 and changes nothing`, async (t) => {
      const kit = await setUp(t);
      const [headers, body] = make(kit);
      const response = await post(kit.app, headers, body);
      assert.equal(response.statusCode, 401, response.body);
      assert.match(response.json().error.code, /^CALLBACK_/);
      assert.equal(await statusOf(kit), 'pending');
    });
  }

  test('a body nested or sized beyond any provider\'s is 400 naming body before anything is checked or changed', async (t) => {
    const kit = await setUp(t);
    const headers = { 'x-authy-signature': 'AAAA', 'x-authy-signature-nonce': String(Math.floor(kit.clock.now() / 1000)), 'content-type': 'application/json' };
    const deep = `{"a":${'['.repeat(30_000)}1${']'.repeat(30_000)}}`;
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`k${i}`, i])));
    for (const payload of [deep, wide]) {
      const response = await kit.app.inject({ method: 'POST', url: '/api/push/callback', headers, payload });
      assert.equal(response.statusCode, 400, response.body.slice(0, 200));
      assert.equal(response.json().error.fields[0].field, 'body');
    }
    assert.equal(await statusOf(kit), 'pending');
  });

  test('a replayed callback is 401, and its first delivery counted once', async (t) => {
    const kit = await setUp(t);
    const body = authyBody(kit.id, 'denied');
    const headers = signedCallbackHeaders(kit.config, flatParams(body), { nowMs: kit.clock.now() });
    assert.equal((await post(kit.app, headers, body)).statusCode, 200);
    const replay = await post(kit.app, headers, body);
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().error.code, 'CALLBACK_REPLAYED');
    // Also when the first one lost its race: a replay of a refused callback is still a replay.
    const other = await createPayment(kit.app, kit.payer);
    const otherBody = authyBody(other);
    const otherHeaders = signedCallbackHeaders(kit.config, flatParams(otherBody), { nowMs: kit.clock.now() });
    const replies = await Promise.all([post(kit.app, otherHeaders, otherBody), post(kit.app, otherHeaders, otherBody)]);
    assert.deepEqual(replies.map((r) => r.statusCode).sort(), [200, 401]);
  });

  test('two different callbacks may share a nonce second', async (t) => {
    const kit = await setUp(t);
    const second = await createPayment(kit.app, kit.payer);
    for (const id of [kit.id, second]) {
      const body = authyBody(id);
      assert.equal((await post(kit.app, signedCallbackHeaders(kit.config, flatParams(body), { nowMs: kit.clock.now() }), body)).statusCode, 200);
    }
  });

  test('an unknown uuid is 404; a decided payment is 409; a strange status is 422', async (t) => {
    const kit = await setUp(t);
    const send = (body: object) => post(kit.app, signedCallbackHeaders(kit.config, flatParams(body), { nowMs: kit.clock.now() }), body);
    assert.equal((await send(authyBody('00000000-0000-4000-8000-000000000000'))).statusCode, 404);
    const strange = await send(authyBody(kit.id, 'maybe'));
    assert.equal(strange.statusCode, 422);
    assert.equal(strange.json().error.fields[0].field, 'status');
    const { uuid: _, ...noUuid } = authyBody(kit.id);
    assert.equal((await send(noUuid)).json().error.fields[0].field, 'uuid');
    assert.equal((await send(authyBody(kit.id, 'approved'))).statusCode, 200);
    const again = await send(authyBody(kit.id, 'denied'));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'PAYMENT_ALREADY_DECIDED');
    assert.equal(await statusOf(kit), 'approved');
  });

  test('without a configured API key the route answers 404 and decides nothing', async (t) => {
    const kit = await setUp(t, { PUSH_CALLBACK_API_KEY: '' });
    const body = authyBody(kit.id);
    const headers = { 'x-authy-signature': pushSignature('', { nonce: '1', method: 'POST', url: `${kit.config.publicUrl}/api/push/callback`, params: flatParams(body) }), 'x-authy-signature-nonce': '1' };
    assert.equal((await post(kit.app, headers, body)).statusCode, 404);
    assert.equal(await statusOf(kit), 'pending');
  });
});
