/** Sending SMS through one interface: the local outbox by default, Twilio when configured. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { SmsConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { Schema } from '../../db/schema.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createOutboxService } from './outbox.service.ts';
import { registerOutboxRoutes } from './outbox.routes.ts';
import { createTwilioClient, type TwilioHttpClient } from './twilio-client.ts';
import { createTwilioSender } from './twilio-sender.ts';

export { type SmsSendAttempt, type SmsSendLimits, createSmsSendLimits, describeWait } from './send-limits.ts';
export { SmsDeliveryError, SmsRecipientRejectedError } from './sms-errors.ts';

export interface OutgoingSms {
  to: string;
  body: string;
  /** The account the message is sent for; the outbox page shows a user their own messages. */
  userId: string | null;
  /**
   * The one-time code inside `body`, if it carries one. Twilio Verify cannot
   * send free text: it texts its own template around this code instead.
   */
  code?: string;
}

export interface SmsSender {
  /** Resolves once the provider accepted the message; throws an AppError (502, or 422 for a refused recipient) otherwise. */
  send(message: OutgoingSms): Promise<void>;
}

export interface SmsDeps {
  db: Kysely<Schema>;
  config: SmsConfig;
  clock: Clock;
  requireUser: RequireUser;
  /** The HTTP client the Twilio package uses; tests pass one that talks to a local stand-in. */
  twilioHttpClient?: TwilioHttpClient;
}

export function installSms(app: FastifyInstance, deps: SmsDeps): SmsSender {
  const { db, config, clock } = deps;
  const sender =
    config.provider === 'twilio'
      ? createTwilioSender({ db, clock, log: app.log, config, client: createTwilioClient(config, deps.twilioHttpClient) })
      : createOutboxSender({ db, clock, log: app.log });
  registerOutboxRoutes(app, { outbox: createOutboxService({ db }), requireUser: deps.requireUser });
  return sender;
}
