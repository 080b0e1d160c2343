/**
 * Sending through Twilio. The message is recorded only after Twilio accepted
 * it, so a failed send leaves no row behind and every stored row was sent.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Schema } from '../../db/schema.ts';
import type { OutgoingSms, SmsSender } from './index.ts';
import { newMessageId } from './message-id.ts';
import { SmsDeliveryError, SmsRecipientRejectedError } from './sms-errors.ts';
import { insertSmsMessage } from './sms.repository.ts';
import type { TwilioClient, TwilioSmsConfig } from './twilio-client.ts';

/** Twilio error codes that mean "this recipient", not "Twilio or our account": the user can fix them. */
const RECIPIENT_ERRORS = new Map<number, string>([
  [21211, 'is not a valid phone number'],
  [21408, 'is in a region we cannot text'],
  [21610, 'has opted out of our messages (reply START to opt back in)'],
  [21612, 'cannot be reached by SMS'],
  [21614, 'is not a mobile number'],
  [60205, 'is a landline and cannot receive SMS'],
]);

export interface TwilioSenderDeps {
  db: Kysely<Schema>;
  clock: Clock;
  log: FastifyBaseLogger;
  config: TwilioSmsConfig;
  /** Loads the client on first use (see twilio-client.ts). */
  client: () => Promise<TwilioClient>;
}

export function createTwilioSender(deps: TwilioSenderDeps): SmsSender {
  const { db, clock, log, config, client } = deps;

  /** Returns Twilio's sid for what was sent. */
  async function deliver(message: OutgoingSms): Promise<string> {
    const twilio = await client();
    if (config.from) {
      const sent = await twilio.messages.create({ to: message.to, from: config.from, body: message.body });
      return sent.sid;
    }
    if (!message.code) throw new SmsDeliveryError('Twilio Verify can only send verification codes, and this message has none');
    // Verify texts its own template around the code. Passing our code needs Verify's custom-code
    // feature, which Twilio enables per account on request; without it Twilio refuses the request.
    const verification = await twilio.verify.v2
      .services(config.verifyServiceSid!)
      .verifications.create({ to: message.to, channel: 'sms', customCode: message.code });
    return verification.sid;
  }

  return {
    async send(message) {
      let sid: string;
      try {
        sid = await deliver(message);
      } catch (error) {
        throw toAppError(error, log);
      }
      const now = clock.now();
      await insertSmsMessage(db, {
        id: newMessageId(now),
        user_id: message.userId,
        to_phone: message.to,
        body: message.body,
        provider: 'twilio',
        provider_message_id: sid,
        created_at: now,
      });
      // No body: with a real provider the log must not hold one-time codes.
      log.info({ sms: { to: message.to, sid } }, 'SMS sent through Twilio');
    },
  };
}

function toAppError(error: unknown, log: FastifyBaseLogger): Error {
  if (error instanceof SmsDeliveryError) return error;
  const { status, code, message } = error as { status?: unknown; code?: unknown; message?: unknown };
  const twilioCode = typeof code === 'number' ? code : undefined;
  log.warn({ twilio: { status, code, message: typeof message === 'string' ? message : undefined } }, 'Twilio refused or failed a send');
  const recipientProblem = twilioCode === undefined ? undefined : RECIPIENT_ERRORS.get(twilioCode);
  if (recipientProblem) return new SmsRecipientRejectedError(`The SMS provider says this number ${recipientProblem}`);
  return new SmsDeliveryError('The SMS could not be sent; please try again in a few minutes');
}
