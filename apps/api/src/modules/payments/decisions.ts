/**
 * Moves payments out of `pending` and tells everyone who waits: the payer's
 * event stream (`status`) and the payer's devices (`resolved`). Every
 * decision, whatever its channel, goes through here.
 */
import type { Kysely } from 'kysely';
import type { Payment } from '#contracts/payfriend.ts';
import type { Clock } from '../../core/clock.ts';
import { channels, type EventBus } from '../../core/events.ts';
import type { Schema } from '../../db/schema.ts';
import { type DecidedBy, isDue, refusal } from './lifecycle.ts';
import { paymentAlreadyDecided, paymentNotFound } from './payment-errors.ts';
import { toPayment } from './payment-view.ts';
import * as repo from './payments.repository.ts';

export interface DecisionsDeps {
  db: Kysely<Schema>;
  clock: Clock;
  events: EventBus;
  /** Told when an event cannot be published; the decision itself stands. */
  onPublishError?: (error: unknown) => void;
}

const SWEEP_BATCH = 100;

export function createDecisions(deps: DecisionsDeps) {
  const { db, clock, events } = deps;

  async function announce(paymentId: string): Promise<Payment> {
    const row = await repo.findPayment(db, paymentId);
    if (!row) throw paymentNotFound();
    const payment = toPayment(row, clock.now());
    try {
      await events.publish(channels.payment(row.id), { type: 'status', payment });
      // With the outcome, so a device can say what became of a request it was showing.
      await events.publish(channels.userDevices(row.payer_id), {
        type: 'resolved',
        payment_id: row.id,
        status: payment.status,
        decided_by: payment.decided_by,
      });
    } catch (error) {
      deps.onPublishError?.(error);
    }
    return payment;
  }

  /** Expires one payment if its time is up; true when this call did it. */
  async function expire(paymentId: string): Promise<boolean> {
    if (!(await repo.expirePayment(db, paymentId, clock.now()))) return false;
    await announce(paymentId);
    return true;
  }

  /** Throws the 409 that explains why `row` can no longer be decided (expiring it first if its time is up). */
  async function assertOpen(row: repo.PaymentRow): Promise<void> {
    const now = clock.now();
    const reason = refusal(row, now);
    if (!reason) return;
    if (isDue(row, now)) await expire(row.id);
    throw reason;
  }

  /** Approves or denies a pending payment; exactly one of any number of simultaneous calls wins, the others get 409. */
  async function decide(paymentId: string, status: 'approved' | 'denied', decidedBy: DecidedBy): Promise<Payment> {
    if (await repo.decidePayment(db, { id: paymentId, status, decidedBy, now: clock.now() })) return announce(paymentId);
    const row = await repo.findPayment(db, paymentId);
    if (!row) throw paymentNotFound();
    await assertOpen(row);
    throw paymentAlreadyDecided(row.status);
  }

  /** Expires every pending payment whose time is up, with the same conditional write; returns how many. */
  async function sweepExpired(): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await repo.findDuePayments(db, clock.now(), SWEEP_BATCH);
      let batch = 0;
      for (const id of due) if (await expire(id)) batch += 1;
      expired += batch;
      if (due.length < SWEEP_BATCH || batch === 0) return expired;
    }
  }

  return { decide, expire, assertOpen, sweepExpired };
}

export type Decisions = ReturnType<typeof createDecisions>;

/** Expires due payments once; the sweeper calls it every second, tests call it after moving a ManualClock. */
export async function sweepExpiredPayments(deps: DecisionsDeps): Promise<number> {
  return createDecisions(deps).sweepExpired();
}
