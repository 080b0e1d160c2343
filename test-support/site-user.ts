/** A user of a running site, over real HTTP: the page's cookie and CSRF token, and a bearer token. */
import { SseReader, TestDevice } from './device-client.ts';

const PASSWORD = 'benchmark user passphrase';

export class SiteUser {
  private constructor(
    readonly baseUrl: string,
    readonly email: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
    readonly token: string,
  ) {}

  static async register(baseUrl: string, email: string): Promise<SiteUser> {
    const registered = await fetch(`${baseUrl}/api/auth/register`, jsonInit('POST', { email, password: PASSWORD }));
    if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);
    const cookie = (registered.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrf_token: csrfToken } = (await registered.json()) as { csrf_token: string };
    const issued = await fetch(`${baseUrl}/api/auth/token`, jsonInit('POST', { email, password: PASSWORD }));
    const { access_token: token } = (await issued.json()) as { access_token: string };
    return new SiteUser(baseUrl, email, cookie, csrfToken, token);
  }

  /** Signs in an existing user (made by register) on a site. */
  static async login(baseUrl: string, email: string): Promise<SiteUser> {
    const signedIn = await fetch(`${baseUrl}/api/auth/login`, jsonInit('POST', { email, password: PASSWORD }));
    if (signedIn.status !== 200) throw new Error(`login: ${signedIn.status} ${await signedIn.text()}`);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrf_token: csrfToken } = (await signedIn.json()) as { csrf_token: string };
    const issued = await fetch(`${baseUrl}/api/auth/token`, jsonInit('POST', { email, password: PASSWORD }));
    const { access_token: token } = (await issued.json()) as { access_token: string };
    return new SiteUser(baseUrl, email, cookie, csrfToken, token);
  }

  get cookieHeader(): string {
    return this.cookie;
  }

  get bearer(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  /** A request as the page: session cookie, plus the CSRF token on writes. */
  async asPage<T>(method: string, path: string, body?: unknown, expect = [200, 201, 202, 204]): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...jsonInit(method, body),
      headers: { ...jsonInit(method, body).headers, cookie: this.cookie, 'x-csrf-token': this.csrfToken },
    });
    const text = await response.text();
    if (!expect.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Sets the phone and proves it with the code from the local outbox. */
  async verifyPhone(phone: string): Promise<void> {
    await this.asPage('POST', '/api/account/phone', { phone });
    const [latest] = await this.asPage<{ body: string }[]>('GET', '/api/outbox');
    const code = /\b(\d{6})\b/.exec(latest?.body ?? '')?.[1];
    if (!code) throw new Error('no code in the outbox');
    await this.asPage('POST', '/api/account/phone/verify', { code });
  }

  /** Pairs a fresh WebCrypto device with this account. */
  async pairDevice(): Promise<TestDevice> {
    const { code } = await this.asPage<{ code: string }>('POST', '/api/account/pairings');
    return TestDevice.paired(this.baseUrl, code);
  }

  async createPayment(payee: string, amount: string, key: string): Promise<{ id: string }> {
    const response = await fetch(`${this.baseUrl}/api/payments`, {
      method: 'POST',
      headers: { ...this.bearer, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ payee, amount, currency: 'EUR' }),
    });
    if (response.status !== 201) throw new Error(`create payment: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  }
}

function jsonInit(method: string, body?: unknown): RequestInit & { headers: Record<string, string> } {
  return body === undefined
    ? { method, headers: {} }
    : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The payer's live status stream for one payment, read over real HTTP. */
export async function openPaymentStream(baseUrl: string, payer: SiteUser, paymentId: string): Promise<SseReader> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/payments/${paymentId}/events`, {
    headers: { ...payer.bearer, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200) throw new Error(`payment stream: ${response.status}`);
  return new SseReader(response, abort);
}
