/** Pairing and the account's device list: the page's side of authenticator devices. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Device, PairDeviceInput, PairedDevice, Pairing } from '#contracts/payfriend.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { DevicesService } from './devices.service.ts';
import type { PairingService } from './pairing.service.ts';

const DeviceParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function registerDeviceAccountRoutes(
  app: FastifyInstance,
  deps: { pairing: PairingService; devices: DevicesService; requireUser: RequireUser },
): void {
  const { pairing, devices, requireUser } = deps;

  app.post('/api/account/pairings', { onRequest: requireUser, schema: { response: { 201: Pairing } } }, async (request, reply) => {
    const created = await pairing.createPairing(request.caller!);
    // The code is a credential until used.
    reply.header('cache-control', 'no-store');
    return reply.status(201).send(created);
  });

  // No session: the phone proves itself with the pairing code.
  app.post(
    '/api/devices/pair',
    { schema: { body: PairDeviceInput, response: { 201: PairedDevice } } },
    async (request, reply) => reply.status(201).send(await pairing.pair(request.body as PairDeviceInput, request.ip)),
  );

  app.get('/api/account/devices', { onRequest: requireUser, schema: { response: { 200: Type.Array(Device) } } }, async (request) =>
    devices.list(request.caller!.userId),
  );

  app.delete('/api/account/devices/:id', { onRequest: requireUser, schema: { params: DeviceParams } }, async (request, reply) => {
    await devices.revoke(request.caller!.userId, (request.params as { id: string }).id);
    return reply.status(204).send();
  });
}
