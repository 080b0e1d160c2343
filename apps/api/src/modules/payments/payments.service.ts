/**
 * Creating and reading payments. A payment and its challenge are written in
 * one transaction; the payer's devices hear about it only after it committed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Payment, PaymentInput, PaymentPage } from '#contracts/payfriend.ts';
import type { Clock } from '../../core/clock.ts';
import { ForbiddenError, UnauthorizedError } from '../../core/errors.ts';
import { channels, type EventBus } from '../../core/events.ts';
import type { Schema } from '../../db/schema.ts';
import { findUserById } from '../accounts/users.repository.ts';
import type { PhoneDirectory } from '../phone/index.ts';
import { challengeDigest, newChallengeNonce, requestFingerprint } from './challenge.ts';
import { paymentNotFound, UnprocessableError } from './payment-errors.ts';
import { paymentRequestFromInput } from './payment-input.ts';
import { toPayment, toPendingApproval } from './payment-view.ts';
import { insertChallenge } from './challenges.repository.ts';
import * as repo from './payments.repository.ts';

export interface RequestOrigin {
  idempotencyKey: string;
  ip: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT = 300;

export function createPaymentsService(deps: {
  db: Kysely<Schema>;
  clock: Clock;
  events: EventBus;
  phones: PhoneDirectory;
  challengeTtlSeconds: number;
  onPublishError?: (error: unknown) => void;
}) {
  const { db, clock, events, phones } = deps;

  /** The caller's own payment row (with its digest); another payer's is reported as missing. */
  async function findOwn(payerId: string, id: string): Promise<repo.PaymentWithDigest> {
    const row = await repo.findOwnPayment(db, payerId, id);
    if (!row) throw paymentNotFound();
    return row;
  }

  async function get(payerId: string, id: string): Promise<Payment> {
    return toPayment(await findOwn(payerId, id), clock.now());
  }

  async function list(payerId: string, page: number, perPage: number): Promise<PaymentPage> {
    const [rows, total] = await Promise.all([repo.listPayments(db, payerId, perPage, (page - 1) * perPage), repo.countPayments(db, payerId)]);
    const now = clock.now();
    return { items: rows.map((row) => toPayment(row, now)), page, per_page: perPage, total };
  }

  /**
   * Idempotent per (payer, Idempotency-Key): a retry or a double click gets the
   * payment the first request made, `created: false`; the same key with a
   * different request is refused.
   */
  async function create(payerId: string, input: PaymentInput, origin: RequestOrigin): Promise<{ payment: Payment; created: boolean }> {
    const payer = await findUserById(db, payerId);
    if (!payer) throw new UnauthorizedError('UNAUTHENTICATED', 'The signed-in account no longer exists');
    const request = paymentRequestFromInput(input, payer.email);
    if (!(await phones.verifiedPhone(payerId))) {
      throw new ForbiddenError('PHONE_NOT_VERIFIED', 'Verify your phone number before sending money');
    }
    const fingerprint = requestFingerprint(request);
    const now = clock.now();
    const id = randomUUID();
    const nonce = newChallengeNonce();
    const digest = challengeDigest({ paymentId: id, payerId, ...request, nonce });

    const existing = await db.transaction().execute(async (trx) => {
      const inserted = await repo.insertPaymentIfAbsent(trx, {
        id,
        payer_id: payerId,
        payee: request.payee,
        amount_minor: request.amountMinor,
        currency: request.currency,
        status: 'pending',
        idempotency_key: origin.idempotencyKey,
        request_fingerprint: fingerprint,
        requested_ip: origin.ip,
        requested_user_agent: origin.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
        created_at: now,
        expires_at: now + deps.challengeTtlSeconds * 1000,
      });
      if (!inserted) return repo.findPaymentByKey(trx, payerId, origin.idempotencyKey);
      await insertChallenge(trx, { payment_id: id, nonce, digest, push_request_id: id, otp_attempts: 0 });
      return undefined;
    });

    if (existing) {
      if (existing.request_fingerprint !== fingerprint) {
        throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different payment', [
          { field: 'Idempotency-Key', message: 'was already used for a different payment' },
        ]);
      }
      return { payment: toPayment(existing, clock.now()), created: false };
    }

    const row = await findOwn(payerId, id);
    try {
      await events.publish(channels.userDevices(payerId), { type: 'approval', approval: toPendingApproval(row) });
    } catch (error) {
      // The payment exists; devices still find it through their list of pending approvals.
      deps.onPublishError?.(error);
    }
    return { payment: toPayment(row, clock.now()), created: true };
  }

  return { create, get, list, findOwn };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
