/**
 * Builds the official Twilio client. The HTTP client is a parameter so tests
 * can hand in one that sends Twilio's requests to a local stand-in.
 */
import twilio from 'twilio';
import type { SmsConfig } from '../../config.ts';

export type TwilioSmsConfig = Extract<SmsConfig, { provider: 'twilio' }>;
export type TwilioClient = twilio.Twilio;
export type TwilioHttpClient = twilio.RequestClient;

// The caller waits on this request; Twilio answers in well under a second when healthy.
const TIMEOUT_MS = 10_000;

export function createTwilioClient(config: TwilioSmsConfig, httpClient?: TwilioHttpClient): TwilioClient {
  return twilio(config.accountSid, config.authToken, {
    httpClient: httpClient ?? new twilio.RequestClient({ timeout: TIMEOUT_MS }),
  });
}
