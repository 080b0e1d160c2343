import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, test, type TestContext } from 'node:test';
import { registerWithSession } from '../../../../../test-support/api-client.ts';
import { DEVICE_HEADERS, pairingCode, randomNonce, send, TestDevice } from '../../../../../test-support/device-client.ts';
import { ManualClock } from '../../core/clock.ts';
import { buildDevicesTestApp } from './devices-test-app.ts';
import { FakeAuthorization } from './fake-authorization.ts';

const APPROVALS = '/api/device/approvals';

async function setup(t: TestContext) {
  const clock = new ManualClock();
  const authorization = new FakeAuthorization();
  const { app, config } = await buildDevicesTestApp(t, { clock, authorization });
  const session = await registerWithSession(app);
  const device = await TestDevice.paired(app, await pairingCode(app, session), { clock });
  return { app, config, clock, authorization, session, device };
}

function errorCode(response: { json<T>(): T }): string {
  return response.json<{ error: { code: string } }>().error.code;
}

describe('device-signed requests', () => {
  test('a correctly signed request is accepted and marks the device used', async (t) => {
    const { app, clock, session, device } = await setup(t);
    const response = await device.request(app, 'GET', APPROVALS);
    assert.equal(response.status, 200, response.body);
    assert.deepEqual(response.json(), []);
    const list = await app.inject({ method: 'GET', url: '/api/account/devices', cookies: session.cookies });
    assert.equal(list.json()[0].last_used_at, new Date(clock.now()).toISOString());
  });

  test('the query string is part of what is signed', async (t) => {
    const { app, device } = await setup(t);
    assert.equal((await device.request(app, 'GET', `${APPROVALS}?page=2`)).status, 200);
    const headers = await device.signedHeaders({ method: 'GET', path: APPROVALS });
    assert.equal(errorCode(await send(app, 'GET', `${APPROVALS}?page=2`, undefined, headers)), 'DEVICE_SIGNATURE_INVALID');
  });

  for (const name of Object.values(DEVICE_HEADERS)) {
    test(`a request without ${name} is refused`, async (t) => {
      const { app, device } = await setup(t);
      const headers = await device.signedHeaders({ method: 'GET', path: APPROVALS });
      delete headers[name];
      const response = await send(app, 'GET', APPROVALS, undefined, headers);
      assert.equal(response.status, 401);
      assert.equal(errorCode(response), 'DEVICE_HEADERS_INVALID');
    });
  }

  const malformed: [string, Record<string, string>][] = [
    ['a timestamp in seconds with a fraction', { [DEVICE_HEADERS.timestamp]: '1767225600.5' }],
    ['a 15-character nonce', { [DEVICE_HEADERS.nonce]: 'a'.repeat(15) }],
    ['a 65-character nonce', { [DEVICE_HEADERS.nonce]: 'a'.repeat(65) }],
    ['a nonce that is not base64url', { [DEVICE_HEADERS.nonce]: `${'a'.repeat(20)}+/=` }],
    ['a signature in standard base64', { [DEVICE_HEADERS.signature]: `${'A'.repeat(84)}==` }],
  ];
  for (const [label, change] of malformed) {
    test(`${label} is refused as malformed`, async (t) => {
      const { app, device } = await setup(t);
      const headers = { ...(await device.signedHeaders({ method: 'GET', path: APPROVALS })), ...change };
      assert.equal(errorCode(await send(app, 'GET', APPROVALS, undefined, headers)), 'DEVICE_HEADERS_INVALID');
    });
  }

  test('a 64-character nonce is fine', async (t) => {
    const { app, device } = await setup(t);
    const headers = await device.signedHeaders({ method: 'GET', path: APPROVALS, nonce: 'n'.repeat(64) });
    assert.equal((await send(app, 'GET', APPROVALS, undefined, headers)).status, 200);
  });

  test('an unknown device id is refused', async (t) => {
    const { app, device } = await setup(t);
    const headers = await device.signedHeaders({ method: 'GET', path: APPROVALS, deviceId: randomUUID() });
    const response = await send(app, 'GET', APPROVALS, undefined, headers);
    assert.equal(response.status, 401);
    assert.equal(errorCode(response), 'DEVICE_UNKNOWN');
  });

  test('a revoked device is refused at once; a forger probing its id learns only that the signature is wrong', async (t) => {
    const { app, clock, session, device } = await setup(t);
    assert.equal((await device.request(app, 'GET', APPROVALS)).status, 200);
    const revoke = await app.inject({ method: 'DELETE', url: `/api/account/devices/${device.id}`, cookies: session.cookies, headers: { 'x-csrf-token': session.csrfToken } });
    assert.equal(revoke.statusCode, 204);
    const refused = await device.request(app, 'GET', APPROVALS);
    assert.equal(refused.status, 401);
    assert.equal(errorCode(refused), 'DEVICE_REVOKED');

    const forger = await TestDevice.create({ clock });
    const forged = await send(app, 'GET', APPROVALS, undefined, await forger.signedHeaders({ method: 'GET', path: APPROVALS, deviceId: device.id! }));
    assert.equal(errorCode(forged), 'DEVICE_SIGNATURE_INVALID');
  });

  for (const [label, skewMs] of [['ahead', 1], ['behind', -1]] as const) {
    test(`a timestamp more than the allowed skew ${label} of the server is refused; just within is fine`, async (t) => {
      const { app, config, clock, device } = await setup(t);
      const limit = config.devices.requestMaxSkewSeconds * 1000;
      const within = await device.signedHeaders({ method: 'GET', path: APPROVALS, timestamp: String(clock.now() + skewMs * limit) });
      assert.equal((await send(app, 'GET', APPROVALS, undefined, within)).status, 200);
      const beyond = await device.signedHeaders({ method: 'GET', path: APPROVALS, timestamp: String(clock.now() + skewMs * (limit + 1)) });
      const response = await send(app, 'GET', APPROVALS, undefined, beyond);
      assert.equal(response.status, 401);
      assert.equal(errorCode(response), 'DEVICE_CLOCK_SKEW');
    });
  }

  test('a nonce is accepted once per device, even with a fresh timestamp and signature', async (t) => {
    const { app, clock, session, device } = await setup(t);
    const nonce = randomNonce();
    const first = await device.signedHeaders({ method: 'GET', path: APPROVALS, nonce });
    assert.equal((await send(app, 'GET', APPROVALS, undefined, first)).status, 200);
    const replay = await send(app, 'GET', APPROVALS, undefined, first);
    assert.equal(replay.status, 401);
    assert.equal(errorCode(replay), 'DEVICE_REPLAY');
    clock.advance(1000);
    const resigned = await device.signedHeaders({ method: 'GET', path: APPROVALS, nonce });
    assert.equal(errorCode(await send(app, 'GET', APPROVALS, undefined, resigned)), 'DEVICE_REPLAY');

    const other = await TestDevice.paired(app, await pairingCode(app, session), { clock });
    const sameNonce = await other.signedHeaders({ method: 'GET', path: APPROVALS, nonce });
    assert.equal((await send(app, 'GET', APPROVALS, undefined, sameNonce)).status, 200, 'nonces are per device');
  });

  test('a refused signature does not use up its nonce', async (t) => {
    const { app, device } = await setup(t);
    const nonce = randomNonce();
    const wrong = await device.signedHeaders({ method: 'GET', path: `${APPROVALS}?x`, nonce });
    assert.equal(errorCode(await send(app, 'GET', APPROVALS, undefined, wrong)), 'DEVICE_SIGNATURE_INVALID');
    const right = await device.signedHeaders({ method: 'GET', path: APPROVALS, nonce });
    assert.equal((await send(app, 'GET', APPROVALS, undefined, right)).status, 200);
  });

  test('changing the method, path, timestamp or nonce after signing breaks the signature', async (t) => {
    const { app, clock, device } = await setup(t);
    const signed = async (overrides: { method?: string; path?: string } = {}) =>
      device.signedHeaders({ method: overrides.method ?? 'GET', path: overrides.path ?? APPROVALS });
    const attempts = [
      await signed({ method: 'POST' }),
      await signed({ path: `${APPROVALS}/x` }),
      await signed({ path: '/api/device/events' }),
      { ...(await signed()), [DEVICE_HEADERS.timestamp]: String(clock.now() + 1) },
      { ...(await signed()), [DEVICE_HEADERS.nonce]: randomNonce() },
    ];
    for (const headers of attempts) {
      const response = await send(app, 'GET', APPROVALS, undefined, headers);
      assert.equal(response.status, 401);
      assert.equal(errorCode(response), 'DEVICE_SIGNATURE_INVALID');
    }
  });

  test('another device’s key cannot sign for this device', async (t) => {
    const { app, clock, session, device } = await setup(t);
    const other = await TestDevice.paired(app, await pairingCode(app, session), { clock });
    const headers = await other.signedHeaders({ method: 'GET', path: APPROVALS, deviceId: device.id! });
    assert.equal(errorCode(await send(app, 'GET', APPROVALS, undefined, headers)), 'DEVICE_SIGNATURE_INVALID');
  });

  test('signatures of the wrong length or in DER form are refused', async (t) => {
    const { app, device } = await setup(t);
    const good = await device.signedHeaders({ method: 'GET', path: APPROVALS });
    const bytes = Buffer.from(good[DEVICE_HEADERS.signature]!, 'base64url');
    const der = createSign('sha256').update('x').sign(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    for (const signature of [bytes.subarray(0, 63), Buffer.concat([bytes, Buffer.from([0])]), Buffer.alloc(0), der]) {
      const headers = { ...good, [DEVICE_HEADERS.signature]: signature.toString('base64url') || 'A' };
      const response = await send(app, 'GET', APPROVALS, undefined, headers);
      assert.equal(response.status, 401);
      assert.equal(errorCode(response), 'DEVICE_SIGNATURE_INVALID');
    }
    assert.equal((await send(app, 'GET', APPROVALS, undefined, good)).status, 200, 'the unaltered request still works');
  });
});

describe('device-signed request bodies', () => {
  test('the exact body bytes are signed: other spacing than JSON.stringify still verifies, a changed body does not', async (t) => {
    const { app, authorization, session, device } = await setup(t);
    const { userId } = session;
    const approval = authorization.add(userId);
    const path = `/api/device/approvals/${approval.payment_id}`;
    const decision = { decision: 'deny', signature: await device.sign(`${approval.digest}.deny`) };

    const sentBody = JSON.stringify(decision);
    const tampered = JSON.stringify({ ...decision, decision: 'approve' });
    const headers = await device.signedHeaders({ method: 'POST', path, body: sentBody });
    const changed = await send(app, 'POST', path, tampered, headers);
    assert.equal(changed.status, 401);
    assert.equal(errorCode(changed), 'DEVICE_SIGNATURE_INVALID');
    const emptied = await send(app, 'POST', path, undefined, await device.signedHeaders({ method: 'POST', path, body: sentBody }));
    assert.equal(emptied.status, 401);

    const spaced = JSON.stringify(decision, null, 2);
    const response = await send(app, 'POST', path, spaced, await device.signedHeaders({ method: 'POST', path, body: spaced }));
    assert.equal(response.status, 200, response.body);
    assert.equal(response.json<{ status: string }>().status, 'denied');
  });

  test('an unauthenticated body is refused before it is validated', async (t) => {
    const { app } = await setup(t);
    const response = await send(app, 'POST', `/api/device/approvals/${randomUUID()}`, '{"decision":"maybe"}', {});
    assert.equal(response.status, 401);
    assert.equal(errorCode(response), 'DEVICE_HEADERS_INVALID');
  });
});
