/**
 * Fastify glue for device-signed routes: keeps the raw body bytes (the
 * signature covers them, and re-serialised JSON would not match), then
 * authenticates the device before the body is validated.
 */
import { pipeline, Transform } from 'node:stream';
import type { FastifyRequest, preParsingAsyncHookHandler, preValidationAsyncHookHandler } from 'fastify';
import type { AuthenticatedDevice, DeviceAuthService } from './device-auth.service.ts';
import { DEVICE_HEADERS } from './request-signing.ts';

const rawBodies = new WeakMap<FastifyRequest, Buffer[]>();
const devices = new WeakMap<FastifyRequest, AuthenticatedDevice>();

/** Copies the body bytes aside while Fastify's own JSON parser (with its limits and checks) reads them. */
export const captureRawBody: preParsingAsyncHookHandler = async (request, _reply, payload) => {
  if (request.method === 'GET' || request.method === 'HEAD') return payload;
  const chunks: Buffer[] = [];
  rawBodies.set(request, chunks);
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done(null, chunk);
    },
  });
  // An aborted upload destroys the copy too, so the parser sees the error.
  pipeline(payload, tee, () => undefined);
  return tee;
};

export function createRequireDevice(auth: DeviceAuthService): preValidationAsyncHookHandler {
  return async function requireDevice(request) {
    const chunks = rawBodies.get(request);
    const device = await auth.authenticate({
      method: request.method,
      pathWithQuery: request.url,
      deviceId: header(request, DEVICE_HEADERS.id),
      timestamp: header(request, DEVICE_HEADERS.timestamp),
      nonce: header(request, DEVICE_HEADERS.nonce),
      signature: header(request, DEVICE_HEADERS.signature),
      body: chunks && chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    devices.set(request, device);
  };
}

/** The device that signed this request; only on routes guarded by requireDevice. */
export function authenticatedDevice(request: FastifyRequest): AuthenticatedDevice {
  const device = devices.get(request);
  if (!device) throw new Error('route is missing the requireDevice hook');
  return device;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? undefined : value;
}
