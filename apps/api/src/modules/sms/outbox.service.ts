/** The Outbox page: the messages sent for the caller's account, and nobody else's. */
import type { Kysely } from 'kysely';
import type { SmsMessage } from '#contracts/payfriend.ts';
import { displayPhone } from '../../core/phone-display.ts';
import type { Schema } from '../../db/schema.ts';
import { listSmsMessages, type SmsRow } from './sms.repository.ts';

// Enough to find the latest codes; older messages have no use on the page.
const OUTBOX_LIMIT = 50;

function toSmsMessage(row: SmsRow): SmsMessage {
  return { id: row.id, to: row.to_phone, to_display: displayPhone(row.to_phone), body: row.body, created_at: new Date(row.created_at).toISOString() };
}

export function createOutboxService(deps: { db: Kysely<Schema> }) {
  return {
    async list(userId: string): Promise<SmsMessage[]> {
      return (await listSmsMessages(deps.db, userId, OUTBOX_LIMIT)).map(toSmsMessage);
    },
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
