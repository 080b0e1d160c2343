/** The account's phone number, proven by an SMS code. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { SmsConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { Schema } from '../../db/schema.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import { createSmsSendLimits, type SmsSender } from '../sms/index.ts';
import { createPhoneService } from './phone.service.ts';
import { registerPhoneRoutes } from './phone.routes.ts';
import { type CodeSource, randomCode } from './verification-code.ts';

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
  /** Where codes come from; random 6 digits unless a test needs a known one. */
  newCode?: CodeSource;
}

export function installPhone(app: FastifyInstance, deps: PhoneDeps): PhoneDirectory {
  const phones = createPhoneService({
    db: deps.db,
    sms: deps.sms,
    limits: createSmsSendLimits(deps.limiter, deps.smsConfig),
    clock: deps.clock,
    newCode: deps.newCode ?? (() => randomCode()),
    smsOutbox: deps.smsConfig.provider === 'outbox',
  });
  registerPhoneRoutes(app, { phones, requireUser: deps.requireUser });
  return { verifiedPhone: phones.verifiedPhone };
}
