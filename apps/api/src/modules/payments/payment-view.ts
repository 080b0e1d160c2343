/** Rows are not API objects: what a payer and a device see, with field names chosen on purpose. */
import type { Payment, PendingApproval } from '#contracts/payfriend.ts';
import { effectiveState } from './lifecycle.ts';
import { displayAmount, formatAmount } from './money.ts';
import type { PaymentRow, PaymentWithDigest } from './payments.repository.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function toPayment(row: PaymentRow, now: number): Payment {
  const state = effectiveState(row, now);
  return {
    id: row.id,
    payee: row.payee,
    amount: formatAmount(row.amount_minor, row.currency),
    amount_minor: row.amount_minor,
    currency: row.currency,
    amount_display: displayAmount(row.amount_minor, row.currency),
    status: state.status,
    created_at: iso(row.created_at),
    expires_at: iso(row.expires_at),
    decided_at: state.decidedAt === null ? null : iso(state.decidedAt),
    decided_by: state.decidedBy,
  };
}

/** "203.0.113.7 · Mozilla/5.0 (…)": where the request came from, as the device shows it. */
export function requestedFrom(row: Pick<PaymentRow, 'requested_ip' | 'requested_user_agent'>): string {
  return `${row.requested_ip ?? 'unknown address'} · ${row.requested_user_agent ?? 'unknown browser'}`;
}

export function toPendingApproval(row: PaymentWithDigest): PendingApproval {
  return {
    payment_id: row.id,
    payee: row.payee,
    amount: formatAmount(row.amount_minor, row.currency),
    currency: row.currency,
    amount_display: displayAmount(row.amount_minor, row.currency),
    requested_at: iso(row.created_at),
    requested_from: requestedFrom(row),
    expires_at: iso(row.expires_at),
    digest: row.digest,
  };
}
