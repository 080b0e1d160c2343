/** Sending SMS through one interface: the local outbox by default, Twilio when configured. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { SmsConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Schema } from '../../db/schema.ts';
import type { RequireUser } from '../../plugins/auth.ts';

export interface OutgoingSms {
  to: string;
  body: string;
  /** The account the message is sent for; the outbox page shows a user their own messages. */
  userId: string | null;
}

export interface SmsSender {
  send(message: OutgoingSms): Promise<void>;
}

export interface SmsDeps {
  db: Kysely<Schema>;
  config: SmsConfig;
  clock: Clock;
  requireUser: RequireUser;
}

export function installSms(_app: FastifyInstance, _deps: SmsDeps): SmsSender {
  return {
    async send() {
      throw new Error('SMS sending is not available yet');
    },
  };
}
