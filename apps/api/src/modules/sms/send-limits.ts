/**
 * The limits on anything that sends an SMS: a cool-down between codes for the
 * same purpose, and hourly budgets per user, per phone and per IP address
 * (from config). Every feature that texts a code counts through here, so
 * nobody can turn the server into a free SMS cannon.
 */
import type { SmsConfig } from '../../config.ts';
import { RateLimitedError } from '../../core/errors.ts';
import type { LimitRule, RateLimiter } from '../../core/rate-limiter.ts';

export interface SmsSendAttempt {
  /** What the cool-down is about, e.g. `phone-verification:<userId>`: at most one code per cool-down each. */
  cooldownKey: string;
  userId: string;
  /** E.164. */
  phone: string;
  ip: string;
}

const HOUR_MS = 3_600_000;

export function createSmsSendLimits(limiter: RateLimiter, config: SmsConfig) {
  // A one-per-window counter is a cool-down: its window starts at the first send and lasts the cool-down.
  const cooldown: LimitRule = { name: 'sms-cooldown', limit: 1, windowMs: config.resendCooldownSeconds * 1000 };
  const perUser: LimitRule = { name: 'sms-per-user', limit: config.perUserPerHour, windowMs: HOUR_MS };
  const perPhone: LimitRule = { name: 'sms-per-phone', limit: config.perPhonePerHour, windowMs: HOUR_MS };
  const perIp: LimitRule = { name: 'sms-per-ip', limit: config.perIpPerHour, windowMs: HOUR_MS };

  /**
   * Runs `send` if every limit allows it; otherwise throws 429 with
   * Retry-After and a message saying when. The cool-down is checked first,
   * so impatient clicks do not eat the hourly budgets. Only an SMS that went
   * out spends anything: a refusal by one budget, or a failed send, gives back
   * what the others counted (else anyone could spend a stranger's phone budget
   * with requests that never text it) and releases the cool-down.
   */
  async function sendWithinLimits<T>(attempt: SmsSendAttempt, send: () => Promise<T>): Promise<T> {
    const cooling = cooldown.windowMs > 0;
    if (cooling) {
      await explained(limiter.consume(cooldown, attempt.cooldownKey), 'SMS_RESEND_TOO_SOON', (when) => `Please wait ${when} before asking for another code`);
    }
    try {
      const hourly = (what: string) => (error: RateLimitedError) =>
        explanation(error, 'SMS_RATE_LIMITED', (when) => `Too many codes sent ${what}; try again in ${when}`);
      const refund = await limiter.consumeAll([
        { rule: perUser, subject: attempt.userId, refused: hourly('for this account') },
        { rule: perPhone, subject: attempt.phone, refused: hourly('to this phone number') },
        { rule: perIp, subject: attempt.ip, refused: hourly('from this network') },
      ]);
      try {
        return await send();
      } catch (error) {
        await refund();
        throw error;
      }
    } catch (error) {
      if (cooling) await limiter.clear(cooldown, attempt.cooldownKey);
      throw error;
    }
  }

  return { sendWithinLimits, cooldownSeconds: config.resendCooldownSeconds };
}

export type SmsSendLimits = ReturnType<typeof createSmsSendLimits>;

async function explained(counted: Promise<void>, code: string, message: (when: string) => string): Promise<void> {
  try {
    await counted;
  } catch (error) {
    throw error instanceof RateLimitedError ? explanation(error, code, message) : error;
  }
}

/** The limiter's bare 429, reworded to say which limit and when to come back. */
function explanation(error: RateLimitedError, code: string, message: (when: string) => string): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds));
  return new RateLimitedError(code, message(describeWait(seconds)), seconds);
}

export function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
