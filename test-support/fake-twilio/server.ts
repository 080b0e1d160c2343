/**
 * A local stand-in for the two Twilio endpoints we call, speaking Twilio's
 * wire format: form-encoded requests with HTTP basic auth (AccountSid and
 * AuthToken), 201 JSON resources, and Twilio's JSON error bodies
 * ({code, message, more_info, status}).
 *
 *   POST /2010-04-01/Accounts/{AccountSid}/Messages.json   To, From, Body      (api.twilio.com)
 *   POST /v2/Services/{ServiceSid}/Verifications            To, Channel, ...    (verify.twilio.com)
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTwilioRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw form body, and its fields decoded. */
  body: string;
  form: Record<string, string>;
}

/** A Twilio error answer, e.g. { status: 400, code: 21211, message: "The 'To' number ... is not a valid phone number." }. */
export interface FakeTwilioError {
  status: number;
  code: number;
  message: string;
}

export interface FakeTwilio {
  url: string;
  requests: FakeTwilioRequest[];
  /** Answers every following request with this error (null: answer normally again). */
  failWith(error: FakeTwilioError | null): void;
  close(): Promise<void>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/;
const VERIFICATIONS_PATH = /^\/v2\/Services\/(VA[0-9a-f]{32})\/Verifications$/;

export function twilioSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

export async function startFakeTwilio(credentials: { accountSid: string; authToken: string }): Promise<FakeTwilio> {
  const requests: FakeTwilioRequest[] = [];
  let failure: FakeTwilioError | null = null;
  const expectedAuth = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;

  function send(res: ServerResponse, status: number, body: unknown): void {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(payload)),
      'twilio-request-id': twilioSid('RQ'),
    });
    res.end(payload);
  }

  function sendError(res: ServerResponse, error: FakeTwilioError): void {
    send(res, error.status, { code: error.code, message: error.message, more_info: `https://www.twilio.com/docs/errors/${error.code}`, status: error.status });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const form = Object.fromEntries(new URLSearchParams(body));
    requests.push({ method: req.method ?? '', path, headers: req.headers, body, form });

    if (req.headers.authorization !== expectedAuth) {
      return sendError(res, { status: 401, code: 20003, message: 'Authenticate' });
    }
    const messages = MESSAGES_PATH.exec(path);
    const verifications = VERIFICATIONS_PATH.exec(path);
    if (req.method !== 'POST' || (!messages && !verifications)) {
      return sendError(res, { status: 404, code: 20404, message: `The requested resource ${path} was not found` });
    }
    if (failure) return sendError(res, failure);
    if (messages) return send(res, 201, messageResource(messages[1]!, form));
    return send(res, 201, verificationResource(credentials.accountSid, verifications![1]!, form));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => sendError(res, { status: 500, code: 20500, message: 'Internal Server Error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failWith: (error) => {
      failure = error;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** RFC 2822 dates, as the 2010-04-01 API writes them. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

function messageResource(accountSid: string, form: Record<string, string>) {
  const sid = twilioSid('SM');
  const now = rfc2822(new Date());
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: form.Body ?? '',
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid,
    status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.To ?? '',
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

function verificationResource(accountSid: string, serviceSid: string, form: Record<string, string>) {
  const sid = twilioSid('VE');
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    sid,
    service_sid: serviceSid,
    account_sid: accountSid,
    to: form.To ?? '',
    channel: form.Channel ?? 'sms',
    status: 'pending',
    valid: false,
    lookup: {},
    amount: null,
    payee: null,
    send_code_attempts: [{ time: now, channel: (form.Channel ?? 'sms').toUpperCase(), attempt_sid: twilioSid('VL') }],
    date_created: now,
    date_updated: now,
    sna: null,
    url: `https://verify.twilio.com/v2/Services/${serviceSid}/Verifications/${sid}`,
  };
}
