/**
 * What the authenticator-device feature may do with payments: list what waits
 * for a user's approval, and apply a decision whose device signature it has
 * already verified. Payments own the rules; devices own device trust.
 */
import type { Payment, PendingApproval } from '#contracts/payfriend.ts';

export type Decision = 'approve' | 'deny';

export interface PaymentAuthorization {
  /** Pending, unexpired payments of this payer, newest first, as a device shows them. */
  pendingApprovals(payerId: string): Promise<PendingApproval[]>;
  /** The digest a device must sign for this payment, or undefined if it is not this payer's. */
  challengeDigest(payerId: string, paymentId: string): Promise<string | undefined>;
  /**
   * Decides a pending payment after its device signature was verified.
   * Throws NotFoundError (not this payer's), ConflictError 409 (already decided or expired),
   * ForbiddenError (payer blocked after too many failures).
   */
  decideByDevice(payerId: string, paymentId: string, decision: Decision): Promise<Payment>;
  /** Counts one failed strong authentication (e.g. a device signature that does not verify). */
  recordFailure(payerId: string): Promise<void>;
}
