/**
 * The Twilio package's own HTTP client, with https://<product>.twilio.com
 * rewritten to a local server. Everything else (auth header, form encoding,
 * error parsing) stays the package's, so tests see exactly what it sends.
 */
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

const TWILIO_URL = /^https:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.twilio\.com(\/.*)?$/;

export class LocalTwilioHttpClient extends twilio.RequestClient {
  /** The hosts the package aimed at, in order (api.twilio.com, verify.twilio.com...). */
  readonly hosts: string[] = [];

  constructor(private readonly baseUrl: string) {
    super({ timeout: 5_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const match = TWILIO_URL.exec(opts.uri);
    if (!match) throw new Error(`not a Twilio URL: ${opts.uri}`);
    this.hosts.push(`${match[1]}.twilio.com`);
    return super.request({ ...opts, uri: `${this.baseUrl}${match[2] ?? '/'}` });
  }
}
