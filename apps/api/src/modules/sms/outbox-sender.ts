/** The default provider: nothing leaves the machine; the message is stored, logged and shown on the Outbox page. */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Schema } from '../../db/schema.ts';
import type { SmsSender } from './index.ts';
import { newMessageId } from './message-id.ts';
import { insertSmsMessage } from './sms.repository.ts';

export function createOutboxSender(deps: { db: Kysely<Schema>; clock: Clock; log: FastifyBaseLogger }): SmsSender {
  const { db, clock, log } = deps;
  return {
    async send(message) {
      const now = clock.now();
      const id = newMessageId(now);
      await insertSmsMessage(db, {
        id,
        user_id: message.userId,
        to_phone: message.to,
        body: message.body,
        provider: 'outbox',
        provider_message_id: null,
        created_at: now,
      });
      // The body is logged on purpose: with this provider the log and the Outbox page are where codes are read.
      log.info({ sms: { id, to: message.to, body: message.body } }, 'SMS stored in the local outbox');
    },
  };
}
