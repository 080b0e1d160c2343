/**
 * An authenticator device for tests and the benchmark, made the way the
 * browser makes one: a WebCrypto ECDSA P-256 key pair whose private key
 * cannot be exported. It pairs with a code, signs its requests, signs its
 * decisions and reads its event stream, through app.inject or a real URL.
 */
import type { FastifyInstance } from 'fastify';
import type { PendingApproval } from '#contracts/payfriend.ts';
import {
  bodySha256,
  canonicalRequestString,
  DEVICE_HEADERS,
  decisionSigningString,
} from '../apps/api/src/modules/devices/request-signing.ts';

export { bodySha256, canonicalRequestString, DEVICE_HEADERS, decisionSigningString };

/** An app to inject into, or the base URL of a listening server. */
export type DeviceTarget = FastifyInstance | string;

export interface DeviceResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json<T = unknown>(): T;
}

export interface SignOptions {
  method: string;
  /** Path and query, exactly as it will be sent. */
  path: string;
  /** The exact body text that will be sent, if any. */
  body?: string;
  /** Overrides, for tests that send what a device would not. */
  timestamp?: string;
  nonce?: string;
  deviceId?: string;
}

type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string };

export class TestDevice {
  id: string | undefined;
  userEmail: string | undefined;

  private constructor(
    private readonly keys: CryptoKeyPair,
    readonly publicJwk: PublicJwk,
    private readonly clock: { now(): number },
  ) {}

  /** A fresh key pair; pass the app's ManualClock so timestamps agree with the server's. */
  static async create(options: { clock?: { now(): number } } = {}): Promise<TestDevice> {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
    return new TestDevice(keys, { kty, crv, x, y } as PublicJwk, options.clock ?? { now: () => Date.now() });
  }

  /** Creates a device and pairs it; throws unless the server answers 201. */
  static async paired(target: DeviceTarget, code: string, options: { clock?: { now(): number }; name?: string } = {}) {
    const device = await TestDevice.create(options);
    const response = await device.pair(target, code, options.name);
    if (response.status !== 201) throw new Error(`pairing failed: ${response.status} ${response.body}`);
    return device;
  }

  async pair(target: DeviceTarget, code: string, name = 'Test phone'): Promise<DeviceResponse> {
    const body = JSON.stringify({ code, name, public_key: this.publicJwk });
    const response = await send(target, 'POST', '/api/devices/pair', body, {});
    if (response.status === 201) {
      const paired = response.json<{ device_id: string; user_email: string }>();
      this.id = paired.device_id;
      this.userEmail = paired.user_email;
    }
    return response;
  }

  /** base64url IEEE P1363 (r||s) ECDSA P-256 SHA-256, as WebCrypto makes it. */
  async sign(text: string): Promise<string> {
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, new TextEncoder().encode(text));
    return Buffer.from(signature).toString('base64url');
  }

  async signedHeaders(options: SignOptions): Promise<Record<string, string>> {
    const timestamp = options.timestamp ?? String(this.clock.now());
    const nonce = options.nonce ?? randomNonce();
    const data = canonicalRequestString({
      method: options.method,
      pathWithQuery: options.path,
      timestamp,
      nonce,
      bodySha256: bodySha256(options.body ?? ''),
    });
    return {
      [DEVICE_HEADERS.id]: options.deviceId ?? this.requireId(),
      [DEVICE_HEADERS.timestamp]: timestamp,
      [DEVICE_HEADERS.nonce]: nonce,
      [DEVICE_HEADERS.signature]: await this.sign(data),
    };
  }

  /** A signed request; `body` is serialised once, and those exact bytes are signed and sent. */
  async request(target: DeviceTarget, method: string, path: string, body?: unknown): Promise<DeviceResponse> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    return send(target, method, path, text, await this.signedHeaders({ method, path, body: text }));
  }

  async approvals(target: DeviceTarget): Promise<PendingApproval[]> {
    const response = await this.request(target, 'GET', '/api/device/approvals');
    if (response.status !== 200) throw new Error(`approvals failed: ${response.status} ${response.body}`);
    return response.json<PendingApproval[]>();
  }

  async decide(target: DeviceTarget, paymentId: string, digest: string, decision: 'approve' | 'deny'): Promise<DeviceResponse> {
    const signature = await this.sign(decisionSigningString(digest, decision));
    return this.request(target, 'POST', `/api/device/approvals/${encodeURIComponent(paymentId)}`, { decision, signature });
  }

  approve(target: DeviceTarget, paymentId: string, digest: string): Promise<DeviceResponse> {
    return this.decide(target, paymentId, digest, 'approve');
  }

  deny(target: DeviceTarget, paymentId: string, digest: string): Promise<DeviceResponse> {
    return this.decide(target, paymentId, digest, 'deny');
  }

  /** Opens GET /api/device/events on a listening server (an event stream cannot go through inject). */
  async openEvents(baseUrl: string): Promise<SseReader> {
    const path = '/api/device/events';
    const abort = new AbortController();
    const response = await fetch(new URL(path, baseUrl), {
      headers: { accept: 'text/event-stream', ...(await this.signedHeaders({ method: 'GET', path })) },
      signal: abort.signal,
    });
    return new SseReader(response, abort);
  }

  private requireId(): string {
    if (!this.id) throw new Error('this device is not paired yet');
    return this.id;
  }
}

/** What registerWithSession returns: enough to act as the signed-in page. */
export interface PageSession {
  cookies: Record<string, string>;
  csrfToken: string;
}

/** Cookie and CSRF headers, usable with inject and with fetch alike. */
export function pageHeaders(session: PageSession): Record<string, string> {
  const cookie = Object.entries(session.cookies).map(([name, value]) => `${name}=${value}`).join('; ');
  return { cookie, 'x-csrf-token': session.csrfToken };
}

/** POST /api/account/pairings as the page; the answer's `code` is what the phone needs. */
export async function requestPairing(target: DeviceTarget, session: PageSession): Promise<DeviceResponse> {
  return send(target, 'POST', '/api/account/pairings', undefined, pageHeaders(session));
}

/** A pairing code for this session's user; throws unless the server made one. */
export async function pairingCode(target: DeviceTarget, session: PageSession): Promise<string> {
  const response = await requestPairing(target, session);
  if (response.status !== 201) throw new Error(`pairing code refused: ${response.status} ${response.body}`);
  return response.json<{ code: string }>().code;
}

export function randomNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}

/** Sends a request through inject or fetch and answers in one shape. */
export async function send(
  target: DeviceTarget,
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<DeviceResponse> {
  const allHeaders = body === undefined ? headers : { 'content-type': 'application/json', ...headers };
  if (typeof target !== 'string') {
    const r = await target.inject({ method: method as 'GET', url: path, headers: allHeaders, ...(body === undefined ? {} : { payload: body }) });
    return { status: r.statusCode, headers: r.headers, body: r.body, json: <T>() => r.json() as T };
  }
  const r = await fetch(new URL(path, target), { method, headers: allHeaders, body });
  const text = await r.text();
  return { status: r.status, headers: Object.fromEntries(r.headers), body: text, json: <T>() => JSON.parse(text) as T };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads server-sent events from a fetch() response, one frame at a time. */
export class SseReader {
  private readonly frames: SseEvent[] = [];
  private readonly waiting: ((frame: SseEvent | undefined) => void)[] = [];
  private done = false;
  /** Resolves when the server ends the stream (or it is closed here). */
  readonly ended: Promise<void>;

  constructor(readonly response: Response, private readonly abort: AbortController) {
    this.ended = response.ok && response.body ? this.pump(response.body) : Promise.resolve().then(() => this.finish());
  }

  get status(): number {
    return this.response.status;
  }

  /** The next event, or undefined once the stream has ended; rejects after `timeoutMs` so a broken test fails instead of hanging. */
  next(timeoutMs = 5_000): Promise<SseEvent | undefined> {
    const ready = this.frames.shift();
    if (ready || this.done) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no server-sent event within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
    });
  }

  close(): void {
    this.abort.abort();
    this.finish();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.accept(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close(), or the connection dropped: either way the stream is over.
    }
    this.finish();
  }

  private accept(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    // Comments (heartbeats) and bare retry hints carry no data.
    if (data.length === 0) return;
    const frame = { event, data: JSON.parse(data.join('\n')) as unknown };
    const waiter = this.waiting.shift();
    if (waiter) waiter(frame);
    else this.frames.push(frame);
  }

  private finish(): void {
    this.done = true;
    for (const waiter of this.waiting.splice(0)) waiter(undefined);
  }
}
