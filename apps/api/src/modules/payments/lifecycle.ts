/**
 * A payment's states: pending → approved | denied | expired, exactly once.
 * The database enforces "once" (a conditional write); these pure rules say
 * what a row means at a given time and why a transition was refused.
 */
import type { ConflictError } from '../../core/errors.ts';
import type { PaymentStatus } from '../../db/schema.ts';
import { paymentAlreadyDecided, paymentExpired } from './payment-errors.ts';

export type Decision = 'approve' | 'deny';
export type DecidedBy = 'device' | 'sms' | 'callback' | 'expiry' | 'attempts';

export function isTerminal(status: PaymentStatus): boolean {
  return status !== 'pending';
}

export function statusFor(decision: Decision): 'approved' | 'denied' {
  return decision === 'approve' ? 'approved' : 'denied';
}

/** Whether a pending payment's time is up at `now` (expires_at itself is already too late). */
export function isDue(row: { status: PaymentStatus; expires_at: number }, now: number): boolean {
  return row.status === 'pending' && row.expires_at <= now;
}

/** What the payer sees: a pending payment whose time is up is expired, even before the sweeper writes it. */
export function effectiveState(
  row: { status: PaymentStatus; expires_at: number; decided_at: number | null; decided_by: string | null },
  now: number,
): { status: PaymentStatus; decidedAt: number | null; decidedBy: string | null } {
  if (isDue(row, now)) return { status: 'expired', decidedAt: row.expires_at, decidedBy: 'expiry' };
  return { status: row.status, decidedAt: row.decided_at, decidedBy: row.decided_by };
}

/** Why a decision on this row cannot happen at `now`, or undefined if it can. */
export function refusal(row: { status: PaymentStatus; expires_at: number }, now: number): ConflictError | undefined {
  if (row.status === 'expired' || isDue(row, now)) return paymentExpired();
  if (row.status !== 'pending') return paymentAlreadyDecided(row.status);
  return undefined;
}
