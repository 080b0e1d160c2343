/**
 * The SMS fallback: a code bound to the payment's challenge, sent to the
 * payer's verified phone, counted against the shared SMS limits (cool-down,
 * hourly budgets per user, phone and IP), with a bounded number of tries; the
 * last wrong try denies the payment.
 */
import type { Kysely } from 'kysely';
import type { Payment, SmsCodeSent } from '#contracts/payfriend.ts';
import type { Clock } from '../../core/clock.ts';
import { ConflictError, ForbiddenError, RateLimitedError } from '../../core/errors.ts';
import type { Schema } from '../../db/schema.ts';
import type { PhoneDirectory } from '../phone/index.ts';
import type { SmsSender, SmsSendLimits } from '../sms/index.ts';
import * as challenges from './challenges.repository.ts';
import type { Decisions } from './decisions.ts';
import { displayAmount } from './money.ts';
import { generateOtp, maskPhone, OTP_PATTERN, otpHash, otpMatches, otpMessage } from './otp.ts';
import { UnprocessableError } from './payment-errors.ts';
import type { PaymentsService } from './payments.service.ts';
import type { ScaGuard } from './sca-guard.ts';

export interface SmsCodeRules {
  otpTtlSeconds: number;
  otpMaxAttempts: number;
}

const codeProblem = (code: string, message: string, fieldMessage: string) =>
  new UnprocessableError(code, message, [{ field: 'code', message: fieldMessage }]);

export function createSmsCodes(deps: {
  db: Kysely<Schema>;
  clock: Clock;
  payments: PaymentsService;
  decisions: Decisions;
  sca: ScaGuard;
  phones: PhoneDirectory;
  sms: SmsSender;
  limits: SmsSendLimits;
  rules: SmsCodeRules;
}) {
  const { db, clock, payments, decisions, sca, limits, rules } = deps;
  const cooldownMs = limits.cooldownSeconds * 1000;

  async function send(payerId: string, paymentId: string, ip: string): Promise<SmsCodeSent> {
    const row = await payments.findOwn(payerId, paymentId);
    await decisions.assertOpen(row);
    // A blocked payer could not use the code; do not spend an SMS on it.
    await sca.assertNotBlocked(payerId);
    const phone = await deps.phones.verifiedPhone(payerId);
    if (!phone) throw new ForbiddenError('PHONE_NOT_VERIFIED', 'Verify your phone number to receive codes');
    const now = clock.now();
    const code = generateOtp();
    const hash = otpHash(row.digest, code);
    // A code is no use after its payment expired.
    const expiresAt = Math.min(now + rules.otpTtlSeconds * 1000, row.expires_at);
    const body = otpMessage({ amountDisplay: displayAmount(row.amount_minor, row.currency), payee: row.payee, code, ttlSeconds: rules.otpTtlSeconds });
    await limits.sendWithinLimits({ cooldownKey: `payment-sms:${paymentId}`, userId: payerId, phone, ip }, async () => {
      // The limit counters may live per instance; this conditional write holds the cool-down across instances too.
      if (!(await challenges.storeOtp(db, paymentId, { hash, sentAt: now, expiresAt }, cooldownMs))) {
        throw new RateLimitedError('SMS_RESEND_TOO_SOON', 'A code was sent moments ago', limits.cooldownSeconds);
      }
      try {
        await deps.sms.send({ to: phone, body, userId: payerId, code });
      } catch (error) {
        await challenges.withdrawOtp(db, paymentId, hash);
        throw error;
      }
    });
    return { sent_to: maskPhone(phone), expires_at: new Date(expiresAt).toISOString(), resend_after: limits.cooldownSeconds };
  }

  async function verify(payerId: string, paymentId: string, code: string): Promise<Payment> {
    const row = await payments.findOwn(payerId, paymentId);
    await decisions.assertOpen(row);
    await sca.assertNotBlocked(payerId);
    if (!OTP_PATTERN.test(code)) throw codeProblem('OTP_INVALID', 'The code has 6 digits', 'must be the 6 digits from the SMS');
    const challenge = await challenges.findChallenge(db, paymentId);
    if (!challenge?.otp_hash || challenge.otp_expires_at === null) {
      throw codeProblem('OTP_NOT_SENT', 'No code was sent for this payment', 'ask for a code first');
    }
    if (challenge.otp_expires_at <= clock.now()) throw codeProblem('OTP_EXPIRED', 'The code expired', 'has expired; ask for a new one');

    const attempt = await challenges.takeOtpAttempt(db, paymentId, challenge.otp_hash, rules.otpMaxAttempts);
    if (attempt === undefined) {
      // Out of tries (or a new code replaced this one): the payment may have been denied meanwhile.
      const current = await payments.findOwn(payerId, paymentId);
      await decisions.assertOpen(current);
      throw codeProblem('OTP_NO_ATTEMPTS_LEFT', 'No tries left for this code', 'no tries left; ask for a new code');
    }

    if (otpMatches(row.digest, code, challenge.otp_hash)) {
      const payment = await decisions.decide(paymentId, 'approved', 'sms');
      await sca.recordSuccess(payerId);
      return payment;
    }

    await sca.recordFailure(payerId);
    const left = rules.otpMaxAttempts - attempt;
    if (left > 0) {
      throw codeProblem('OTP_INVALID', `Wrong code; ${left} ${left === 1 ? 'try' : 'tries'} left`, `is wrong; ${left} ${left === 1 ? 'try' : 'tries'} left`);
    }
    await decisions.decide(paymentId, 'denied', 'attempts').catch((error: unknown) => {
      // Decided meanwhile by another channel: it stays as that decision left it.
      if (!(error instanceof ConflictError)) throw error;
    });
    throw codeProblem('OTP_ATTEMPTS_EXHAUSTED', 'Wrong code and no tries left: the payment was denied', 'is wrong; no tries left');
  }

  return { send, verify };
}
