/** /api/account/phone: add, prove and read the account's phone number. */
import type { FastifyInstance } from 'fastify';
import { CodeInput, PhoneInput, PhoneStatus } from '#contracts/payfriend.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { PhoneService } from './phone.service.ts';

export function registerPhoneRoutes(app: FastifyInstance, deps: { phones: PhoneService; requireUser: RequireUser }): void {
  const { phones, requireUser } = deps;
  const callerId = (request: { caller: { userId: string } | null }) => request.caller!.userId;

  app.get('/api/account/phone', { onRequest: requireUser, schema: { response: { 200: PhoneStatus } } }, async (request) =>
    phones.status(callerId(request)),
  );

  app.post(
    '/api/account/phone',
    { onRequest: requireUser, schema: { body: PhoneInput, response: { 200: PhoneStatus, 202: PhoneStatus } } },
    async (request, reply) => {
      const { status, sent } = await phones.setPhone(callerId(request), (request.body as PhoneInput).phone, request.ip);
      return reply.status(sent ? 202 : 200).send(status);
    },
  );

  app.post('/api/account/phone/resend', { onRequest: requireUser, schema: { response: { 202: PhoneStatus } } }, async (request, reply) =>
    reply.status(202).send(await phones.resend(callerId(request), request.ip)),
  );

  app.post(
    '/api/account/phone/verify',
    { onRequest: requireUser, schema: { body: CodeInput, response: { 200: PhoneStatus } } },
    async (request) => phones.verify(callerId(request), (request.body as CodeInput).code),
  );
}
