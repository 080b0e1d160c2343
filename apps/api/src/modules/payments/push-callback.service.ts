/**
 * A hosted push provider's callback (Authy OneTouch style) deciding a payment.
 * Nothing is read or written before the signature, the nonce's age and its
 * single use are established; then it is one more way into the single transition.
 */
import type { Kysely } from 'kysely';
import type { Payment } from '#contracts/payfriend.ts';
import type { Clock } from '../../core/clock.ts';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../core/errors.ts';
import type { Schema } from '../../db/schema.ts';
import type { Decisions } from './decisions.ts';
import { useNonceOnce } from './nonces.repository.ts';
import { paymentNotFound } from './payment-errors.ts';
import { findPaymentByPushRequestId } from './payments.repository.ts';
import { bodyParams, pushSignatureMatches } from './push-signature.ts';
import type { ScaGuard } from './sca-guard.ts';

export const PUSH_NONCE_SCOPE = 'push-callback';
/** How far the nonce's timestamp may be from our clock, either way. */
export const PUSH_REPLAY_WINDOW_MS = 5 * 60_000;
const NONCE_PATTERN = /^[0-9]{1,12}(?:\.[0-9]{1,9})?$/;

export interface PushCallback {
  signature: string | undefined;
  nonce: string | undefined;
  method: string;
  /** The request path, without query string. */
  path: string;
  body: unknown;
}

const unauthorized = (code: string, message: string) => new UnauthorizedError(code, message);

export function createPushCallbacks(deps: {
  db: Kysely<Schema>;
  clock: Clock;
  decisions: Decisions;
  sca: ScaGuard;
  apiKey: string | undefined;
  publicUrl: string;
}) {
  const { db, clock, decisions, sca, apiKey } = deps;

  async function authenticate(callback: PushCallback): Promise<void> {
    const { signature, nonce } = callback;
    if (!signature || !nonce) throw unauthorized('CALLBACK_SIGNATURE_MISSING', 'X-Authy-Signature and X-Authy-Signature-Nonce are required');
    const request = { nonce, method: callback.method, url: `${deps.publicUrl}${callback.path}`, params: bodyParams(callback.body) };
    if (!apiKey || !pushSignatureMatches(apiKey, request, signature)) {
      throw unauthorized('CALLBACK_SIGNATURE_INVALID', 'The callback signature does not verify');
    }
    const sentAt = NONCE_PATTERN.test(nonce) ? Math.round(Number(nonce) * 1000) : NaN;
    if (!(Math.abs(clock.now() - sentAt) <= PUSH_REPLAY_WINDOW_MS)) {
      throw unauthorized('CALLBACK_NONCE_STALE', 'The callback nonce is not a current timestamp');
    }
    // Remembered with its signature: the provider's nonce is a timestamp in seconds, so two
    // genuine callbacks can share one; a replay repeats both.
    if (!(await useNonceOnce(db, PUSH_NONCE_SCOPE, `${nonce}:${signature}`, sentAt + PUSH_REPLAY_WINDOW_MS))) {
      throw unauthorized('CALLBACK_REPLAYED', 'This callback was already received');
    }
  }

  async function receive(callback: PushCallback): Promise<Payment> {
    if (!apiKey) throw new NotFoundError('Push callbacks are not enabled');
    await authenticate(callback);
    const fields = bodyParams(callback.body);
    const field = (name: string) => fields.find(([key]) => key === name)?.[1];
    const uuid = field('uuid');
    const status = field('status');
    if (!uuid) throw ValidationError.forField('uuid', 'is required');
    if (status !== 'approved' && status !== 'denied') throw ValidationError.forField('status', 'must be "approved" or "denied"');
    const row = await findPaymentByPushRequestId(db, uuid);
    if (!row) throw paymentNotFound();
    await decisions.assertOpen(row);
    await sca.assertNotBlocked(row.payer_id);
    const payment = await decisions.decide(row.id, status, 'callback');
    await sca.recordSuccess(row.payer_id);
    return payment;
  }

  return { receive };
}

export type PushCallbacks = ReturnType<typeof createPushCallbacks>;
