/** SQL for payments. Every function takes the db or a transaction first. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { PaymentsTable, PaymentStatus, Schema } from '../../db/schema.ts';

export type PaymentRow = Selectable<PaymentsTable>;
export type NewPaymentRow = Insertable<PaymentsTable>;
export type PaymentWithDigest = PaymentRow & { digest: string };

type Db = Kysely<Schema>;

/** Inserts unless the payer already used this Idempotency-Key; the unique index decides, so concurrent posts cannot duplicate. */
export async function insertPaymentIfAbsent(db: Db, row: NewPaymentRow): Promise<boolean> {
  const result = await db
    .insertInto('payments')
    .values(row)
    .onConflict((oc) => oc.columns(['payer_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findPaymentByKey(db: Db, payerId: string, idempotencyKey: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('payer_id', '=', payerId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

export async function findPayment(db: Db, id: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The payer's own payment with its challenge digest; another payer's is not found. */
export async function findOwnPayment(db: Db, payerId: string, id: string): Promise<PaymentWithDigest | undefined> {
  return db
    .selectFrom('payments')
    .innerJoin('challenges', 'challenges.payment_id', 'payments.id')
    .selectAll('payments')
    .select('challenges.digest')
    .where('payments.id', '=', id)
    .where('payments.payer_id', '=', payerId)
    .executeTakeFirst();
}

export async function findPaymentByPushRequestId(db: Db, pushRequestId: string): Promise<PaymentRow | undefined> {
  return db
    .selectFrom('payments')
    .innerJoin('challenges', 'challenges.payment_id', 'payments.id')
    .selectAll('payments')
    .where('challenges.push_request_id', '=', pushRequestId)
    .executeTakeFirst();
}

/** A page of the payer's payments, newest first (served by the (payer_id, seq) index). */
export async function listPayments(db: Db, payerId: string, limit: number, offset: number): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('payer_id', '=', payerId).orderBy('seq', 'desc').limit(limit).offset(offset).execute();
}

export async function countPayments(db: Db, payerId: string): Promise<number> {
  const row = await db.selectFrom('payments').select((eb) => eb.fn.countAll().as('total')).where('payer_id', '=', payerId).executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function listPendingWithDigest(db: Db, payerId: string, now: number): Promise<PaymentWithDigest[]> {
  return db
    .selectFrom('payments')
    .innerJoin('challenges', 'challenges.payment_id', 'payments.id')
    .selectAll('payments')
    .select('challenges.digest')
    .where('payments.payer_id', '=', payerId)
    .where('payments.status', '=', 'pending')
    .where('payments.expires_at', '>', now)
    .orderBy('payments.seq', 'desc')
    .execute();
}

/**
 * The one way out of `pending` by a decision: a single conditional write, so
 * of several simultaneous decisions exactly one changes the row. A payment
 * past its expiry can no longer be decided.
 */
export async function decidePayment(
  db: Db,
  change: { id: string; status: Exclude<PaymentStatus, 'pending' | 'expired'>; decidedBy: string; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('payments')
    .set({ status: change.status, decided_at: change.now, decided_by: change.decidedBy })
    .where('id', '=', change.id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', change.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The expiry counterpart of decidePayment: only a pending payment whose time is up. */
export async function expirePayment(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('payments')
    .set({ status: 'expired', decided_at: now, decided_by: 'expiry' })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Pending payments whose time is up (served by the (status, expires_at) index). */
export async function findDuePayments(db: Db, now: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('payments')
    .select('id')
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
