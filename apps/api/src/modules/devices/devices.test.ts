import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test, type TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { registerWithSession, registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { pageHeaders, pairingCode, TestDevice } from '../../../../../test-support/device-client.ts';
import { ManualClock } from '../../core/clock.ts';
import { InProcessEventBus } from '../../core/events.ts';

type Session = Awaited<ReturnType<typeof registerWithSession>>;

async function setup(t: TestContext) {
  const clock = new ManualClock();
  const { app } = await buildTestApp(t, { overrides: { clock } });
  return { app, clock };
}

const list = (app: FastifyInstance, session: Session) => app.inject({ method: 'GET', url: '/api/account/devices', headers: pageHeaders(session) });
const revoke = (app: FastifyInstance, session: Session, id: string) =>
  app.inject({ method: 'DELETE', url: `/api/account/devices/${id}`, headers: pageHeaders(session) });

describe('the account’s devices', () => {
  test('are listed newest first with exactly the documented fields', async (t) => {
    const { app, clock } = await setup(t);
    const session = await registerWithSession(app);
    const older = await TestDevice.paired(app, await pairingCode(app, session), { clock, name: 'Old phone' });
    clock.advance(1000);
    const newer = await TestDevice.paired(app, await pairingCode(app, session), { clock, name: 'New phone' });
    const response = await list(app, session);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), [
      { id: newer.id, name: 'New phone', created_at: new Date(clock.now()).toISOString(), last_used_at: null },
      { id: older.id, name: 'Old phone', created_at: new Date(clock.now() - 1000).toISOString(), last_used_at: null },
    ]);
  });

  test('need a signed-in caller; a bearer token may list them too', async (t) => {
    const { app } = await setup(t);
    assert.equal((await app.inject({ method: 'GET', url: '/api/account/devices' })).statusCode, 401);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/account/devices/${randomUUID()}` })).statusCode, 401);
    const script = await registerWithToken(app);
    const response = await app.inject({ method: 'GET', url: '/api/account/devices', headers: script.auth });
    assert.deepEqual(response.json(), []);
  });

  test('a revoked device leaves the list and cannot be revoked twice', async (t) => {
    const { app, clock } = await setup(t);
    const session = await registerWithSession(app);
    const kept = await TestDevice.paired(app, await pairingCode(app, session), { clock });
    const removed = await TestDevice.paired(app, await pairingCode(app, session), { clock });
    assert.equal((await revoke(app, session, removed.id!)).statusCode, 204);
    assert.deepEqual((await list(app, session)).json().map((d: { id: string }) => d.id), [kept.id]);
    const again = await revoke(app, session, removed.id!);
    assert.equal(again.statusCode, 404);
  });

  test('another user’s device is 404, exactly like a missing one, and stays paired', async (t) => {
    const { app, clock } = await setup(t);
    const alice = await registerWithSession(app);
    const mallory = await registerWithSession(app);
    const device = await TestDevice.paired(app, await pairingCode(app, alice), { clock });
    const missing = await revoke(app, mallory, randomUUID());
    const foreign = await revoke(app, mallory, device.id!);
    assert.equal(foreign.statusCode, 404);
    assert.deepEqual(foreign.json(), missing.json());
    assert.deepEqual((await list(app, mallory)).json(), []);
    assert.equal((await list(app, alice)).json().length, 1);
  });

  test('revoking needs the page’s CSRF token', async (t) => {
    const { app, clock } = await setup(t);
    const session = await registerWithSession(app);
    const device = await TestDevice.paired(app, await pairingCode(app, session), { clock });
    const response = await app.inject({ method: 'DELETE', url: `/api/account/devices/${device.id}`, cookies: session.cookies });
    assert.equal(response.statusCode, 403);
    assert.equal((await list(app, session)).json().length, 1);
  });

  test('a revocation stands even when it cannot be announced to open streams', async (t) => {
    class DownBus extends InProcessEventBus {
      override async publish(): Promise<void> {
        throw new Error('event bus unavailable');
      }
    }
    const clock = new ManualClock();
    const { app } = await buildTestApp(t, { overrides: { clock, events: new DownBus() } });
    const session = await registerWithSession(app);
    const device = await TestDevice.paired(app, await pairingCode(app, session), { clock });
    assert.equal((await revoke(app, session, device.id!)).statusCode, 204);
    const refused = await device.request(app, 'GET', '/api/device/approvals');
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'DEVICE_REVOKED');
  });
});
