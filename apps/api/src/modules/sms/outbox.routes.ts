import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SmsMessage } from '#contracts/payfriend.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { OutboxService } from './outbox.service.ts';

export function registerOutboxRoutes(app: FastifyInstance, deps: { outbox: OutboxService; requireUser: RequireUser }): void {
  app.get('/api/outbox', { onRequest: deps.requireUser, schema: { response: { 200: Type.Array(SmsMessage) } } }, async (request) =>
    deps.outbox.list(request.caller!.userId),
  );
}
