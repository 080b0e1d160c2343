/** The account's phone number, proven by an SMS code. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { SmsConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { Schema } from '../../db/schema.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { SmsSender } from '../sms/index.ts';

/** What other features may ask about a user's phone. */
export interface PhoneDirectory {
  /** The user's phone in E.164 if verified, else null. */
  verifiedPhone(userId: string): Promise<string | null>;
}

export interface PhoneDeps {
  db: Kysely<Schema>;
  sms: SmsSender;
  smsConfig: SmsConfig;
  limiter: RateLimiter;
  clock: Clock;
  requireUser: RequireUser;
}

export function installPhone(_app: FastifyInstance, _deps: PhoneDeps): PhoneDirectory {
  return { verifiedPhone: async () => null };
}
