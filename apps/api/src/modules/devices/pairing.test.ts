import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test, type TestContext } from 'node:test';
import { GOOD_PASSWORD, registerWithSession, registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { pageHeaders, pairingCode, requestPairing, send, TestDevice } from '../../../../../test-support/device-client.ts';
import { ManualClock } from '../../core/clock.ts';

async function setup(t: TestContext) {
  const clock = new ManualClock();
  const { app, config } = await buildTestApp(t, { overrides: { clock } });
  const session = await registerWithSession(app);
  return { app, config, clock, session };
}

function pairBody(code: string, publicKey: unknown, name = 'Phone') {
  return JSON.stringify({ code, name, public_key: publicKey });
}

async function pairRaw(app: Parameters<typeof send>[0], body: string) {
  return send(app, 'POST', '/api/devices/pair', body, {});
}

describe('creating a pairing code', () => {
  test('the signed-in page gets a single-use code in a URL fragment, expiring after the pairing TTL', async (t) => {
    const { app, config, clock, session } = await setup(t);
    const response = await requestPairing(app, session);
    assert.equal(response.status, 201, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    const pairing = response.json<{ code: string; pairing_url: string; expires_at: string }>();
    assert.match(pairing.code, /^[A-Za-z0-9_-]{22,}$/, 'at least 128 bits, base64url');
    assert.equal(pairing.pairing_url, `${config.publicUrl}/authenticator/pair#code=${pairing.code}`);
    assert.equal(Date.parse(pairing.expires_at), clock.now() + config.devices.pairingTtlSeconds * 1000);
    assert.notEqual((await requestPairing(app, session)).json<{ code: string }>().code, pairing.code);
  });

  test('a sign-in older than REAUTH_MAX_AGE_SECONDS needs the password again', async (t) => {
    const { app, config, clock, session } = await setup(t);
    clock.advance(config.devices.reauthMaxAgeSeconds * 1000 + 1);
    const stale = await requestPairing(app, session);
    assert.equal(stale.status, 403);
    assert.equal(stale.json<{ error: { code: string } }>().error.code, 'REAUTH_REQUIRED');

    const wrong = await send(app, 'POST', '/api/auth/reauthenticate', JSON.stringify({ password: 'not the password' }), pageHeaders(session));
    assert.equal(wrong.status, 401);
    assert.equal((await requestPairing(app, session)).status, 403, 'a wrong password does not count');

    const reauth = await send(app, 'POST', '/api/auth/reauthenticate', JSON.stringify({ password: GOOD_PASSWORD }), pageHeaders(session));
    assert.equal(reauth.status, 204, reauth.body);
    assert.equal((await requestPairing(app, session)).status, 201);
    clock.advance(config.devices.reauthMaxAgeSeconds * 1000 + 1);
    assert.equal((await requestPairing(app, session)).status, 403, 'the re-authentication ages too');
  });

  test('a bearer token cannot pair; the page must send its CSRF token; strangers get 401', async (t) => {
    const { app, session } = await setup(t);
    const script = await registerWithToken(app);
    const bearer = await app.inject({ method: 'POST', url: '/api/account/pairings', headers: script.auth });
    assert.equal(bearer.statusCode, 403);
    assert.equal(bearer.json().error.code, 'SESSION_REQUIRED');
    const noCsrf = await app.inject({ method: 'POST', url: '/api/account/pairings', cookies: session.cookies });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'CSRF_TOKEN_INVALID');
    assert.equal((await app.inject({ method: 'POST', url: '/api/account/pairings' })).statusCode, 401);
  });

  test('pairing codes are rate-limited per user', async (t) => {
    const { app, session } = await setup(t);
    const other = await registerWithSession(app);
    for (let i = 0; i < 10; i += 1) assert.equal((await requestPairing(app, session)).status, 201);
    const limited = await requestPairing(app, session);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal((await requestPairing(app, other)).status, 201, 'another user is not affected');
  });
});

describe('pairing a device with a code', () => {
  test('registers the public key once and names the account', async (t) => {
    const { app, session } = await setup(t);
    const code = await pairingCode(app, session);
    const device = await TestDevice.create();
    const paired = await device.pair(app, code, '  Anna’s phone  ');
    assert.equal(paired.status, 201, paired.body);
    assert.deepEqual(Object.keys(paired.json<object>()).sort(), ['device_id', 'user_email']);
    assert.equal(device.userEmail, session.email);
    const list = await app.inject({ method: 'GET', url: '/api/account/devices', cookies: session.cookies });
    assert.deepEqual(list.json().map((d: { id: string; name: string }) => [d.id, d.name]), [[device.id, 'Anna’s phone']]);
  });

  test('a used, an expired and a made-up code get the same answer', async (t) => {
    const { app, config, clock, session } = await setup(t);
    const used = await pairingCode(app, session);
    await TestDevice.paired(app, used);
    const expired = await pairingCode(app, session);
    clock.advance(config.devices.pairingTtlSeconds * 1000);

    const answers = [];
    for (const code of [used, expired, 'made-up-code-made-up-code-made-up-code-1234']) {
      const response = await (await TestDevice.create()).pair(app, code);
      answers.push({ status: response.status, body: response.json() });
    }
    assert.equal(answers[0]?.status, 404);
    assert.equal((answers[0]?.body as { error: { code: string } }).error.code, 'PAIRING_CODE_INVALID');
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
  });

  test('ten concurrent attempts with one code pair exactly one device', async (t) => {
    const { app, session } = await setup(t);
    const code = await pairingCode(app, session);
    const devices = await Promise.all(Array.from({ length: 10 }, () => TestDevice.create()));
    const responses = await Promise.all(devices.map((d, i) => d.pair(app, code, `Phone ${i}`)));
    assert.deepEqual(responses.map((r) => r.status).sort(), [201, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
    const list = await app.inject({ method: 'GET', url: '/api/account/devices', cookies: session.cookies });
    assert.equal(list.json().length, 1);
  });

  test('pairing attempts are rate-limited per IP', async (t) => {
    const { app } = await setup(t);
    const device = await TestDevice.create();
    for (let i = 0; i < 30; i += 1) assert.equal((await device.pair(app, `wrong-code-${i}`)).status, 404);
    assert.equal((await device.pair(app, 'wrong-code-again')).status, 429);
  });
});

describe('the device public key', () => {
  const good = async () => (await TestDevice.create()).publicJwk;
  const flipLastBit = (b64: string) => {
    const bytes = Buffer.from(b64, 'base64url');
    bytes[31]! ^= 1;
    return bytes.toString('base64url');
  };

  const cases: [string, () => Promise<unknown>][] = [
    ['another curve', async () => ({ ...(await good()), crv: 'P-384' })],
    ['an RSA key', async () => ({ kty: 'RSA', n: 'AQAB', e: 'AQAB' })],
    ['a point off the curve', async () => { const k = await good(); return { ...k, y: flipLastBit(k.y) }; }],
    ['the point at zero', async () => ({ ...(await good()), x: 'A'.repeat(43), y: 'A'.repeat(43) })],
    ['a short coordinate', async () => { const k = await good(); return { ...k, x: k.x.slice(1) }; }],
    ['a long coordinate', async () => { const k = await good(); return { ...k, y: `${k.y}A` }; }],
    ['a coordinate that is not base64url', async () => { const k = await good(); return { ...k, x: `${k.x.slice(0, 42)}+` }; }],
    ['a non-canonical base64url coordinate', async () => { const k = await good(); return { ...k, x: `${k.x.slice(0, 42)}${k.x.endsWith('A') ? 'B' : 'A'}` }; }],
    [
      'a private key (d present)',
      async () => ({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) }),
    ],
    ['a string', async () => 'not a key'],
  ];

  for (const [label, key] of cases) {
    test(`${label} is refused with 422 naming public_key, and the code still works afterwards`, async (t) => {
      const { app, session } = await setup(t);
      const code = await pairingCode(app, session);
      const response = await pairRaw(app, pairBody(code, await key()));
      assert.equal(response.status, 422, response.body);
      const fields = response.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field);
      assert.ok(fields.length > 0 && fields.every((f) => f === 'public_key' || f.startsWith('public_key.')), fields.join(','));
      assert.equal((await (await TestDevice.create()).pair(app, code)).status, 201);
    });
  }

  test('WebCrypto’s extra ext and key_ops members are accepted and not kept', async (t) => {
    const { app, session } = await setup(t);
    const code = await pairingCode(app, session);
    const response = await pairRaw(app, pairBody(code, { ...(await good()), ext: true, key_ops: ['verify'] }));
    assert.equal(response.status, 201, response.body);
  });
});

describe('the device name', () => {
  const cases: [string, string][] = [
    ['only spaces', '    '],
    ['61 characters', 'x'.repeat(61)],
    ['a control character', 'Phone\u0007'],
    ['a newline', 'Phone\nAdmin'],
    ['a right-to-left override', 'Phone\u202Eenohp'],
    ['an unpaired surrogate', 'a\ud800b'],
    ['only a zero-width space', '\u200b'],
    ['a right-to-left mark', 'Phone\u200f'],
    ['a line separator', 'Phone\u2028Admin'],
    ['a tag character', 'Phone\u{E0041}'],
    ['only Hangul fillers', '\u115f\u1160'],
    ['only a zero-width joiner', '\u200d'],
    ['only zero-width non-joiners', '\u200c\u200c'],
    ['only a combining grapheme joiner', '\u034f'],
    ['only a Khmer inherent vowel', '\u17b5'],
    ['a noncharacter', 'Phone\uffff'],
  ];
  for (const [label, name] of cases) {
    test(`${label} is refused with 422 naming name`, async (t) => {
      const { app, session } = await setup(t);
      const code = await pairingCode(app, session);
      const response = await pairRaw(app, pairBody(code, (await TestDevice.create()).publicJwk, name));
      assert.equal(response.status, 422, response.body);
      assert.equal(response.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field, 'name');
    });
  }

  test('emoji joined by zero-width joiners are fine', async (t) => {
    const { app, session } = await setup(t);
    const code = await pairingCode(app, session);
    const response = await pairRaw(app, pairBody(code, (await TestDevice.create()).publicJwk, '👩‍💻 work phone'));
    assert.equal(response.status, 201, response.body);
  });

  test('60 characters, counted as characters rather than UTF-16 units, are fine', async (t) => {
    const { app, session } = await setup(t);
    const code = await pairingCode(app, session);
    const response = await pairRaw(app, pairBody(code, (await TestDevice.create()).publicJwk, '📱'.repeat(60)));
    assert.equal(response.status, 201, response.body);
  });
});
