/**
 * A stand-in for the payments feature in this module's own tests: pending
 * approvals held in memory, with the same refusals the real one promises
 * (404 not this payer's, 409 already decided).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Payment, PendingApproval } from '#contracts/payfriend.ts';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import type { Decision, PaymentAuthorization } from '../payments/authorization.ts';

interface FakePayment {
  payerId: string;
  approval: PendingApproval;
  status: 'pending' | 'approved' | 'denied';
}

export class FakeAuthorization implements PaymentAuthorization {
  readonly payments = new Map<string, FakePayment>();
  readonly failures = new Map<string, number>();

  /** A new pending payment for this payer; returns what a device would be shown. */
  add(payerId: string, extra: Partial<PendingApproval> = {}): PendingApproval {
    const approval: PendingApproval = {
      payment_id: randomUUID(),
      payee: 'bob@example.test',
      amount: '19.99',
      currency: 'EUR',
      amount_display: '€19.99',
      requested_at: new Date(0).toISOString(),
      requested_from: '127.0.0.1, test',
      expires_at: new Date(300_000).toISOString(),
      digest: randomBytes(32).toString('base64url'),
      ...extra,
    };
    this.payments.set(approval.payment_id, { payerId, approval, status: 'pending' });
    return approval;
  }

  async pendingApprovals(payerId: string): Promise<PendingApproval[]> {
    return [...this.payments.values()].filter((p) => p.payerId === payerId && p.status === 'pending').map((p) => p.approval);
  }

  async challengeDigest(payerId: string, paymentId: string): Promise<string | undefined> {
    const payment = this.payments.get(paymentId);
    return payment?.payerId === payerId ? payment.approval.digest : undefined;
  }

  async decideByDevice(payerId: string, paymentId: string, decision: Decision): Promise<Payment> {
    const payment = this.payments.get(paymentId);
    if (payment?.payerId !== payerId) throw new NotFoundError('No such payment');
    if (payment.status !== 'pending') throw new ConflictError('PAYMENT_NOT_PENDING', `Payment is already ${payment.status}`);
    payment.status = decision === 'approve' ? 'approved' : 'denied';
    const { approval } = payment;
    return {
      id: approval.payment_id,
      payee: approval.payee,
      amount: approval.amount,
      amount_minor: 1999,
      currency: approval.currency,
      amount_display: approval.amount_display,
      status: payment.status,
      created_at: approval.requested_at,
      expires_at: approval.expires_at,
      decided_at: approval.requested_at,
      decided_by: 'device',
    };
  }

  async recordFailure(payerId: string): Promise<void> {
    this.failures.set(payerId, (this.failures.get(payerId) ?? 0) + 1);
  }
}
