/** Routes the authenticator device calls; every request is signed with the device's key. */
import type { FastifyInstance, preValidationAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { DeviceDecisionInput, Payment, PendingApproval } from '#contracts/payfriend.ts';
import type { EventStreams } from '../../plugins/event-stream.ts';
import type { ApprovalsService } from './approvals.service.ts';
import type { DeviceEventFeed } from './device-events.ts';
import { authenticatedDevice, captureRawBody } from './require-device.ts';

const PaymentParams = Type.Object({ paymentId: Type.String({ minLength: 1, maxLength: 64 }) });

export function registerDeviceApiRoutes(
  app: FastifyInstance,
  deps: { approvals: ApprovalsService; feed: DeviceEventFeed; streams: EventStreams; requireDevice: preValidationAsyncHookHandler },
): void {
  const { approvals, feed, streams } = deps;
  const signed = { preParsing: captureRawBody, preValidation: deps.requireDevice };

  app.get('/api/device/approvals', { ...signed, schema: { response: { 200: Type.Array(PendingApproval) } } }, async (request) =>
    approvals.pending(authenticatedDevice(request)),
  );

  app.post(
    '/api/device/approvals/:paymentId',
    { ...signed, schema: { params: PaymentParams, body: DeviceDecisionInput, response: { 200: Payment } } },
    async (request) => {
      const { paymentId } = request.params as { paymentId: string };
      return approvals.decide(authenticatedDevice(request), paymentId, request.body as DeviceDecisionInput);
    },
  );

  // Read with fetch(), not EventSource, so the device can send its signed headers.
  app.get('/api/device/events', signed, async (request, reply) => {
    const device = authenticatedDevice(request);
    const stream = streams.start(request, reply);
    await feed.open(device, stream).catch((err: unknown) => {
      // The reply is already a stream; the client reconnects or falls back to polling.
      request.log.error({ err }, 'device event stream failed');
      stream.close();
    });
  });
}
