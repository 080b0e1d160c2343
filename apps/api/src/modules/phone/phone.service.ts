/**
 * The rules of the account's phone: a number is verified only by the code
 * texted to it; a new number starts unverified; codes expire, allow a few
 * guesses, and every send counts against the SMS limits.
 */
import type { Kysely } from 'kysely';
import type { PhoneStatus } from '#contracts/payfriend.ts';
import type { Clock } from '../../core/clock.ts';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../../core/errors.ts';
import { displayPhone } from '../../core/phone-display.ts';
import type { Schema } from '../../db/schema.ts';
import { describeWait, type SmsSendLimits, type SmsSender, SmsRecipientRejectedError } from '../sms/index.ts';
import { CodeRejectedError } from './phone-errors.ts';
import { normalisePhone } from './phone-number.ts';
import * as repo from './phone.repository.ts';
import { CODE_TTL_MS, type CodeSource, MAX_ATTEMPTS, codeMatches, codeMessage, hashCode } from './verification-code.ts';

export interface PhoneServiceDeps {
  db: Kysely<Schema>;
  sms: SmsSender;
  limits: SmsSendLimits;
  clock: Clock;
  newCode: CodeSource;
  /** Texts land in the local outbox (the Outbox page) rather than on a phone. */
  smsOutbox: boolean;
}

export function createPhoneService(deps: PhoneServiceDeps) {
  const { db, sms, limits, clock } = deps;

  /** Whole seconds until the next code may be sent (0: now). */
  async function cooldownLeft(userId: string): Promise<number> {
    const pending = await repo.findVerification(db, userId);
    const waitMs = pending ? pending.sent_at + limits.cooldownSeconds * 1000 - clock.now() : 0;
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  async function status(userId: string): Promise<PhoneStatus> {
    const user = await repo.findPhone(db, userId);
    if (!user) throw new NotFoundError('No such account');
    const verified = user.phone !== null && user.phone_verified_at !== null;
    const wait = verified ? 0 : await cooldownLeft(userId);
    return {
      phone: user.phone,
      verified,
      resend_after: wait > 0 ? wait : null,
      phone_display: user.phone === null ? null : displayPhone(user.phone),
      sms_outbox: deps.smsOutbox,
    };
  }

  /** Texts a fresh code to `phone`, then stores phone and code; a refused or failed send changes nothing. */
  async function sendCode(userId: string, phone: string, ip: string): Promise<PhoneStatus> {
    const code = deps.newCode();
    const now = clock.now();
    await limits.sendWithinLimits({ cooldownKey: `phone-verification:${userId}`, userId, phone, ip }, async () => {
      // The limiter's counters may be per instance; the stored send time holds the cool-down across instances.
      const wait = await cooldownLeft(userId);
      if (wait > 0) throw new RateLimitedError('SMS_RESEND_TOO_SOON', `Please wait ${describeWait(wait)} before asking for another code`, wait);
      try {
        await sms.send({ to: phone, body: codeMessage(code), userId, code });
      } catch (error) {
        if (error instanceof SmsRecipientRejectedError) throw ValidationError.forField('phone', error.message);
        throw error;
      }
    });
    await repo.savePendingPhone(db, {
      user_id: userId,
      phone,
      code_hash: hashCode(userId, phone, code),
      attempts: 0,
      sent_at: now,
      expires_at: now + CODE_TTL_MS,
    });
    return status(userId);
  }

  /** `sent: false` when the number is already this account's verified phone: nothing to prove again. */
  async function setPhone(userId: string, input: string, ip: string): Promise<{ status: PhoneStatus; sent: boolean }> {
    const phone = normalisePhone(input);
    const current = await repo.findPhone(db, userId);
    if (current?.phone === phone && current.phone_verified_at !== null) return { status: await status(userId), sent: false };
    return { status: await sendCode(userId, phone, ip), sent: true };
  }

  async function resend(userId: string, ip: string): Promise<PhoneStatus> {
    const current = await repo.findPhone(db, userId);
    if (!current?.phone) throw new ConflictError('PHONE_NOT_SET', 'Add a phone number first');
    if (current.phone_verified_at !== null) throw new ConflictError('PHONE_ALREADY_VERIFIED', 'This phone number is already verified');
    return sendCode(userId, current.phone, ip);
  }

  async function verify(userId: string, input: string): Promise<PhoneStatus> {
    const code = input.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) throw ValidationError.forField('code', 'must be the 6 digits from the SMS');
    const now = clock.now();
    const pending = await repo.findVerification(db, userId);
    if (!pending) throw new CodeRejectedError('NO_CODE_PENDING', 'No code is waiting to be entered; request a new one');
    if (pending.expires_at <= now) throw new CodeRejectedError('CODE_EXPIRED', 'This code has expired; request a new one');
    if (pending.attempts >= MAX_ATTEMPTS || !(await repo.claimAttempt(db, pending, MAX_ATTEMPTS, now))) {
      throw new CodeRejectedError('CODE_ATTEMPTS_EXCEEDED', 'Too many wrong codes; request a new one');
    }
    if (!codeMatches(pending.code_hash, userId, pending.phone, code)) {
      const left = MAX_ATTEMPTS - pending.attempts - 1;
      throw new CodeRejectedError('CODE_INCORRECT', left > 0 ? `Wrong code; ${left} ${left === 1 ? 'try' : 'tries'} left` : 'Wrong code; request a new one');
    }
    if (!(await repo.markVerified(db, pending, now))) {
      throw new CodeRejectedError('NO_CODE_PENDING', 'This code was replaced by a newer one; enter the latest code');
    }
    return status(userId);
  }

  return { status, setPhone, resend, verify, verifiedPhone: (userId: string) => repo.findVerifiedPhone(db, userId) };
}

export type PhoneService = ReturnType<typeof createPhoneService>;
