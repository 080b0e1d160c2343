/**
 * Builds the official Twilio client. The HTTP client is a parameter so tests
 * can hand in one that sends Twilio's requests to a local stand-in.
 *
 * The package is large (tens of megabytes resident), so it is imported on the
 * first message, and never by a site that keeps the local outbox.
 */
import type twilio from 'twilio';
import type { SmsConfig } from '../../config.ts';

export type TwilioSmsConfig = Extract<SmsConfig, { provider: 'twilio' }>;
export type TwilioClient = twilio.Twilio;
export type TwilioHttpClient = twilio.RequestClient;

// The caller waits on this request; Twilio answers in well under a second when healthy.
const TIMEOUT_MS = 10_000;

/** A function that loads the package and makes the client once, on first use. */
export function createTwilioClient(config: TwilioSmsConfig, httpClient?: TwilioHttpClient): () => Promise<TwilioClient> {
  let client: Promise<TwilioClient> | undefined;
  return () => {
    client ??= import('twilio').then(({ default: twilioFactory }) =>
      twilioFactory(config.accountSid, config.authToken, {
        httpClient: httpClient ?? new twilioFactory.RequestClient({ timeout: TIMEOUT_MS }),
      }),
    );
    return client;
  };
}
