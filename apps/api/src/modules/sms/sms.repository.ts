import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Schema, SmsMessagesTable } from '../../db/schema.ts';

export type NewSmsRow = Insertable<SmsMessagesTable>;
export type SmsRow = Pick<Selectable<SmsMessagesTable>, 'id' | 'to_phone' | 'body' | 'created_at'>;

export async function insertSmsMessage(db: Kysely<Schema>, row: NewSmsRow): Promise<void> {
  await db.insertInto('sms_messages').values(row).execute();
}

/** The user's newest messages first; the (user_id, created_at) index serves it, the id breaks ties within a millisecond. */
export async function listSmsMessages(db: Kysely<Schema>, userId: string, limit: number): Promise<SmsRow[]> {
  return db
    .selectFrom('sms_messages')
    .select(['id', 'to_phone', 'body', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
