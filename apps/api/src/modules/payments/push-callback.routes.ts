/**
 * POST /api/push/callback, in a plugin context of its own: only here are
 * form-encoded bodies read (providers post JSON or forms), and no body schema
 * runs, because the signature covers the parameters exactly as they were sent.
 */
import type { FastifyInstance } from 'fastify';
import type { PushCallbacks } from './push-callback.service.ts';

const FORM_BODY_LIMIT = 16 * 1024;

export function registerPushCallbackRoute(app: FastifyInstance, deps: { callbacks: PushCallbacks }): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) =>
      done(null, new URLSearchParams(body as string)),
    );

    scope.post('/api/push/callback', async (request) => {
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const payment = await deps.callbacks.receive({
        signature: header('x-authy-signature'),
        nonce: header('x-authy-signature-nonce'),
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        body: request.body,
      });
      return { payment_id: payment.id, status: payment.status };
    });
  });
}
