/** The payer's payment routes. Every route is the caller's own: another payer's payment is 404. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CodeInput, Payment, PaymentInput, PaymentPage, SmsCodeSent } from '#contracts/payfriend.ts';
import type { EventBus } from '../../core/events.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { EventStreams } from '../../plugins/event-stream.ts';
import { streamPaymentStatus } from './payment-events.ts';
import { IDEMPOTENCY_HEADER, idempotencyKeyFrom } from './payment-input.ts';
import type { PaymentsService } from './payments.service.ts';

export interface PaymentRoutesDeps {
  payments: PaymentsService;
  smsCodes: {
    send(payerId: string, paymentId: string, ip: string): Promise<SmsCodeSent>;
    verify(payerId: string, paymentId: string, code: string): Promise<Payment>;
  };
  events: EventBus;
  streams: EventStreams;
  requireUser: RequireUser;
}

const IdParams = Type.Object({
  id: Type.String({
    pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    errorMessage: 'must be a payment id (a UUID)',
  }),
});

// Plain digits only: coercing query text to an integer would also take "0x10", "1e3" and " 1".
const PageQuery = Type.Object({
  page: Type.String({ pattern: '^[1-9][0-9]{0,4}$', default: '1', errorMessage: 'must be a whole number from 1 to 99999' }),
  per_page: Type.String({ pattern: '^([1-9]|[1-9][0-9]|100)$', default: '20', errorMessage: 'must be a whole number from 1 to 100' }),
});

const callerId = (request: FastifyRequest) => request.caller!.userId;
// Ids are made lower-case; an upper-case copy of one names the same payment.
const paymentId = (request: FastifyRequest) => (request.params as { id: string }).id.toLowerCase();

export function registerPaymentRoutes(app: FastifyInstance, deps: PaymentRoutesDeps): void {
  const { payments, smsCodes, requireUser } = deps;

  app.post(
    '/api/payments',
    {
      onRequest: requireUser,
      // The key is checked before the body, so a client that forgot it hears about the key.
      preValidation: async (request) => void idempotencyKeyFrom(request.headers[IDEMPOTENCY_HEADER]),
      schema: { body: PaymentInput, response: { 200: Payment, 201: Payment } },
    },
    async (request, reply) => {
      const { payment, created } = await payments.create(callerId(request), request.body as PaymentInput, {
        idempotencyKey: idempotencyKeyFrom(request.headers[IDEMPOTENCY_HEADER]),
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return reply.status(created ? 201 : 200).send(payment);
    },
  );

  app.get('/api/payments', { onRequest: requireUser, schema: { querystring: PageQuery, response: { 200: PaymentPage } } }, async (request) => {
    const query = request.query as { page: string; per_page: string };
    return payments.list(callerId(request), Number(query.page), Number(query.per_page));
  });

  app.get('/api/payments/:id', { onRequest: requireUser, schema: { params: IdParams, response: { 200: Payment } } }, async (request) =>
    payments.get(callerId(request), paymentId(request)),
  );

  app.get('/api/payments/:id/events', { onRequest: requireUser, schema: { params: IdParams } }, async (request, reply) => {
    const payerId = callerId(request);
    const id = paymentId(request);
    // Ownership first: a stranger gets a plain 404, not a stream.
    await payments.get(payerId, id);
    const stream = deps.streams.start(request, reply);
    await streamPaymentStatus({ events: deps.events, current: () => payments.get(payerId, id) }, id, stream);
    return reply;
  });

  app.post(
    '/api/payments/:id/sms',
    { onRequest: requireUser, schema: { params: IdParams, response: { 202: SmsCodeSent } } },
    async (request, reply) => reply.status(202).send(await smsCodes.send(callerId(request), paymentId(request), request.ip)),
  );

  app.post(
    '/api/payments/:id/verify',
    { onRequest: requireUser, schema: { params: IdParams, body: CodeInput, response: { 200: Payment } } },
    async (request) => smsCodes.verify(callerId(request), paymentId(request), (request.body as CodeInput).code),
  );
}
