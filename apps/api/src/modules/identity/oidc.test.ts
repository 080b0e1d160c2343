/**
 * The external issuer path against a real OpenID Connect issuer running
 * here (oidc-provider): its access tokens as bearer tokens, and the page's
 * "Sign in with …" through the authorization code flow, over real HTTP.
 */
import assert from 'node:assert/strict';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import * as jose from 'jose';
import { registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';
import { API_AUDIENCE, CLIENT_ID, ScriptedBrowser, startTestIssuer } from '../../../../../test-support/oidc-issuer.ts';
import { ManualClock } from '../../core/clock.ts';
import { safeReturnPath } from './oidc-login.ts';

const kudo = { id: 10270250, repo_name: 'react', full_name: 'facebook/react', language: 'JavaScript', description: null, repo_url: 'https://github.com/facebook/react' };

/** The site on a real port (the issuer sends browsers back to it), configured for the test issuer. */
async function setUp(
  t: TestContext,
  options: { env?: Record<string, string>; clock?: ManualClock; accessTokenTtlSeconds?: number; emailInAccessTokens?: boolean } = {},
) {
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  const issuer = await startTestIssuer({
    redirectUris: [`${siteUrl}/api/auth/oidc/callback`],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    emailInAccessTokens: options.emailInAccessTokens,
  });
  t.after(() => issuer.close());
  const { app } = await buildTestApp(t, {
    env: { PUBLIC_URL: siteUrl, ...issuer.env(), ...options.env },
    overrides: options.clock ? { clock: options.clock } : {},
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, issuer, siteUrl };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('bearer tokens from the external issuer', () => {
  test('a signed-in person\'s access token works on the API; their account is made from the verified email, once', async (t) => {
    const { app, issuer } = await setUp(t);
    const token = await issuer.accessTokenFor('alice');
    const created = await app.inject({ method: 'POST', url: '/api/kudos', headers: bearer(token), payload: kudo });
    assert.equal(created.statusCode, 201, created.body);
    const listed = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) });
    assert.deepEqual(listed.json().map((k: { id: number }) => k.id), [kudo.id]);

    // A second token for the same person is the same account; their kudos are not anyone else's.
    const again = await issuer.accessTokenFor('alice');
    assert.notEqual(again, token);
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(again) })).json().length, 1);
    const bob = await issuer.accessTokenFor('bob');
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(bob) })).json(), []);
    assert.equal((await app.inject({ method: 'GET', url: `/api/kudos/${kudo.id}`, headers: bearer(bob) })).statusCode, 404);
  });

  test('our own tokens keep working beside the issuer\'s', async (t) => {
    const { app } = await setUp(t);
    const { auth } = await registerWithToken(app);
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: auth })).statusCode, 200);
  });

  test('refused: tampered, signed by a key the issuer does not publish, another audience, HS256, alg none', async (t) => {
    const { app, issuer } = await setUp(t);
    const token = await issuer.accessTokenFor('carol');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = jose.decodeJwt(token);
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'mallory' })).toString('base64url')}.${signature}`;
    const { privateKey } = await jose.generateKeyPair('ES256');
    const foreign = await new jose.SignJWT({ ...claims }).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' }).sign(privateKey);
    const otherAudience = await new jose.SignJWT({ ...claims, aud: 'api://someone-else' }).setProtectedHeader({ alg: 'ES256', kid: 'ec-1' }).sign(privateKey);
    const hs256 = await new jose.SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('guessed secret'));
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    for (const [name, bad] of Object.entries({ tampered, foreign, otherAudience, hs256, none })) {
      const response = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(bad) });
      assert.equal(response.statusCode, 401, `${name}: ${response.body}`);
      assert.equal(typeof response.json().error.code, 'string');
    }
    // The genuine one still works: none of the above made an account or poisoned a cache.
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) })).statusCode, 200);
  });

  test('an access token for another API of the same issuer is refused', async (t) => {
    const { app, issuer } = await setUp(t, { env: { OIDC_AUDIENCE: 'api://payroll' } });
    const token = await issuer.accessTokenFor('dave');
    assert.equal(jose.decodeJwt(token).aud, API_AUDIENCE);
    const response = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'INVALID_TOKEN');
  });

  test('an expired token is refused once the clock passes its exp and the leeway', async (t) => {
    const clock = new ManualClock(Date.now());
    const { app, issuer } = await setUp(t, { clock, accessTokenTtlSeconds: 60 });
    const token = await issuer.accessTokenFor('erin');
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) })).statusCode, 200);
    clock.advance(60_000 + 31_000);
    const late = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) });
    assert.equal(late.statusCode, 401);
    assert.equal(late.json().error.code, 'TOKEN_EXPIRED');
  });

  test('a person whose email the issuer does not vouch for gets no account', async (t) => {
    const { app, issuer } = await setUp(t);
    issuer.people.set('frank', { email: 'frank@corp.example', email_verified: false });
    const response = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(await issuer.accessTokenFor('frank')) });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'EXTERNAL_USER_UNKNOWN');
    assert.match(response.json().error.message, /verified email/);
  });

  test('a client-credentials token names no person, so it reaches nobody\'s data, even a person named like the client', async (t) => {
    const { app, issuer, siteUrl } = await setUp(t);
    // Someone signs in on the page with the client's id as login name, and gives a kudo.
    const browser = new ScriptedBrowser();
    await browser.follow(`${siteUrl}/api/auth/oidc/login`, { login: CLIENT_ID });
    const page = { cookie: browser.cookieHeader() };
    const { csrf_token: csrf } = (await (await fetch(`${siteUrl}/api/auth/session`, { headers: page })).json()) as { csrf_token: string };
    const given = await fetch(`${siteUrl}/api/kudos`, { method: 'POST', headers: { ...page, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify(kudo) });
    assert.equal(given.status, 201);
    const clientToken = await issuer.clientToken();
    assert.equal(jose.decodeJwt(clientToken).sub, CLIENT_ID);
    for (const [method, url] of [['GET', '/api/kudos'], ['DELETE', `/api/kudos/${kudo.id}`]] as const) {
      const response = await app.inject({ method, url, headers: bearer(clientToken) });
      assert.equal(response.statusCode, 401, `${method} ${url}`);
      assert.equal(response.json().error.code, 'TOKEN_WITHOUT_PERSON');
    }
    assert.equal(((await (await fetch(`${siteUrl}/api/kudos`, { headers: page })).json()) as unknown[]).length, 1, 'nothing was deleted');
  });

  test('an email that already has a password account here is not taken over', async (t) => {
    const { app, issuer } = await setUp(t);
    await registerWithToken(app, 'grace@corp.example');
    const response = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(await issuer.accessTokenFor('grace')) });
    assert.equal(response.statusCode, 401);
    assert.match(response.json().error.message, /already exists here/);
  });

  test('an issuer that cannot be reached is a 503 with Retry-After, not a 401', async (t) => {
    const { app, issuer } = await setUp(t);
    const token = await issuer.accessTokenFor('heidi');
    await issuer.close();
    const response = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) });
    assert.equal(response.statusCode, 503, response.body);
    assert.equal(response.json().error.code, 'IDENTITY_PROVIDER_UNAVAILABLE');
    assert.ok(Number(response.headers['retry-after']) > 0);
  });
});

test('an issuer that takes calls but never answers: one request waits out the timeout, the next ones fail at once', async (t) => {
  // Accepts connections and says nothing.
  const held: Socket[] = [];
  const silent = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  t.after(() => {
    for (const socket of held) socket.destroy();
    silent.close();
  });
  const issuerUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  const { app } = await buildTestApp(t, { env: { OIDC_ISSUER: issuerUrl, OIDC_AUDIENCE: API_AUDIENCE } });
  const { privateKey } = await jose.generateKeyPair('ES256');
  const token = await new jose.SignJWT({ sub: 'someone' }).setProtectedHeader({ alg: 'ES256', kid: 'any' }).setIssuer(issuerUrl)
    .setAudience(API_AUDIENCE).setExpirationTime('5m').sign(privateKey);

  const first = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) });
  assert.equal(first.statusCode, 503);
  const started = performance.now();
  const second = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) });
  assert.equal(second.statusCode, 503);
  assert.equal(second.headers['retry-after'], '10');
  assert.ok(performance.now() - started < 2_000, 'did not wait for the 5 s timeout again');
  const { auth } = await registerWithToken(app);
  assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: auth })).statusCode, 200, 'our own users are unaffected');
});

describe('signing in on the page through the external issuer', () => {
  /** Starts at the site's login link and follows the browser's way through the issuer and back. */
  async function signIn(siteUrl: string, login: string, query = 'return_to=/payments') {
    const browser = new ScriptedBrowser();
    const landed = await browser.follow(`${siteUrl}/api/auth/oidc/login?${query}`, { login });
    return { browser, landed: new URL(landed) };
  }

  test('the providers route names the issuer; signing in lands on the page asked for with a session', async (t) => {
    const { app, siteUrl } = await setUp(t);
    const providers = await app.inject({ method: 'GET', url: '/api/auth/providers' });
    assert.deepEqual(providers.json(), { oidc: { name: 'Corp SSO', login_url: '/api/auth/oidc/login' } });

    const { browser, landed } = await signIn(siteUrl, 'ivan');
    assert.equal(landed.pathname, '/payments');
    const session = await fetch(`${siteUrl}/api/auth/session`, { headers: { cookie: browser.cookieHeader() } });
    assert.equal(session.status, 200);
    const info = (await session.json()) as { user: { email: string }; reauth_with: string };
    assert.equal(info.user.email, 'ivan@corp.example');
    assert.equal(info.reauth_with, 'oidc');
    assert.equal(browser.cookies.has('oidc_state'), false, 'the state cookie is gone');

    // Signing in again is the same account.
    const second = await signIn(siteUrl, 'ivan');
    const again = (await (await fetch(`${siteUrl}/api/auth/session`, { headers: { cookie: second.browser.cookieHeader() } })).json()) as { user: { id: string } };
    assert.equal(again.user.id, ((await (await fetch(`${siteUrl}/api/auth/session`, { headers: { cookie: browser.cookieHeader() } })).json()) as { user: { id: string } }).user.id);
  });

  test('such an account has no password: password sign-in, tokens and re-authentication by password are refused', async (t) => {
    const { app, siteUrl } = await setUp(t);
    const { browser } = await signIn(siteUrl, 'judy');
    for (const password of ['', 'x', 'correct horse battery staple']) {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'judy@corp.example', password: password || ' ' } });
      assert.equal(login.statusCode, 401);
    }
    const info = (await (await fetch(`${siteUrl}/api/auth/session`, { headers: { cookie: browser.cookieHeader() } })).json()) as { csrf_token: string };
    const reauth = await fetch(`${siteUrl}/api/auth/reauthenticate`, {
      method: 'POST',
      headers: { cookie: browser.cookieHeader(), 'x-csrf-token': info.csrf_token, 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'anything at all' }),
    });
    assert.equal(reauth.status, 403);
    assert.equal(((await reauth.json()) as { error: { code: string } }).error.code, 'REAUTH_WITH_OIDC');
  });

  test('a callback without the browser\'s state cookie, or a second time, signs nobody in', async (t) => {
    const { siteUrl } = await setUp(t);
    const browser = new ScriptedBrowser();
    const callback = await browser.follow(`${siteUrl}/api/auth/oidc/login`, { login: 'ken', stopAt: `${siteUrl}/api/auth/oidc/callback` });

    // Someone else's browser (no state cookie) cannot use the code.
    const stranger = await fetch(callback, { redirect: 'manual' });
    assert.equal(stranger.status, 303);
    assert.equal(stranger.headers.get('location'), '/signin?oidc_error=mismatch');
    assert.equal(stranger.headers.getSetCookie().some((c) => c.startsWith('sid=') && !c.startsWith('sid=;')), false);

    // The right browser completes it once; a replay is refused.
    const first = await fetch(callback, { redirect: 'manual', headers: { cookie: browser.cookieHeader() } });
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/');
    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie: browser.cookieHeader() } });
    assert.equal(replay.headers.get('location'), '/signin?oidc_error=expired');
  });

  test('an unverified email or one taken by a password account ends on /signin saying so', async (t) => {
    const { app, issuer, siteUrl } = await setUp(t);
    issuer.people.set('leo', { email: 'leo@corp.example', email_verified: false });
    assert.equal((await signIn(siteUrl, 'leo')).landed.search, '?oidc_error=email');
    await registerWithToken(app, 'mia@corp.example');
    assert.equal((await signIn(siteUrl, 'mia')).landed.search, '?oidc_error=email_taken');
  });

  test('a sign-in the person cancels at the issuer ends on /signin as cancelled', async (t) => {
    const { siteUrl } = await setUp(t);
    const browser = new ScriptedBrowser();
    const atIssuer = await fetch(`${siteUrl}/api/auth/oidc/login`, { redirect: 'manual' });
    for (const line of atIssuer.headers.getSetCookie()) browser.cookies.set(line.split('=')[0]!, line.split(';')[0]!.split('=')[1]!);
    const authorize = new URL(atIssuer.headers.get('location')!);
    const denied = `${siteUrl}/api/auth/oidc/callback?error=access_denied&state=${authorize.searchParams.get('state')}`;
    const response = await fetch(denied, { redirect: 'manual', headers: { cookie: browser.cookieHeader() } });
    assert.equal(response.headers.get('location'), '/signin?oidc_error=cancelled');
  });

  test('re-authentication asks the issuer to sign in again and returns to the page', async (t) => {
    const { siteUrl } = await setUp(t);
    const atIssuer = await fetch(`${siteUrl}/api/auth/oidc/login?reauth=1&return_to=/account`, { redirect: 'manual' });
    const authorize = new URL(atIssuer.headers.get('location')!);
    assert.equal(authorize.searchParams.get('prompt'), 'login');
    assert.equal(authorize.searchParams.get('max_age'), '0');
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorize.searchParams.get('nonce'));
    const { landed } = await signIn(siteUrl, 'nina', 'reauth=1&return_to=/account');
    assert.equal(landed.pathname, '/account');
  });

  test('a sign-in the issuer answers from its own older session is not a recent sign-in', async (t) => {
    const clock = new ManualClock(Date.now());
    const { siteUrl } = await setUp(t, { clock });
    const browser = new ScriptedBrowser();
    const pair = async () => {
      const info = (await (await fetch(`${siteUrl}/api/auth/session`, { headers: { cookie: browser.cookieHeader() } })).json()) as { csrf_token: string };
      const response = await fetch(`${siteUrl}/api/account/pairings`, { method: 'POST', headers: { cookie: browser.cookieHeader(), 'x-csrf-token': info.csrf_token } });
      return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code };
    };
    await browser.follow(`${siteUrl}/api/auth/oidc/login`, { login: 'xena' });
    assert.equal((await pair()).status, 201, 'just signed in at the issuer');

    clock.advance(6 * 60_000);
    assert.equal((await pair()).code, 'REAUTH_REQUIRED');
    // Signing in again without asking the issuer to re-check: it answers from its session, with the old auth_time.
    await browser.follow(`${siteUrl}/api/auth/oidc/login`, { login: 'xena' });
    assert.equal(browser.signIns, 1, 'the issuer did not ask again');
    assert.equal((await pair()).code, 'REAUTH_REQUIRED', 'a fresh session does not make an old sign-in recent');
    // Re-authenticating makes the issuer ask (prompt=login); that it then counts is shown in the browser test,
    // where both clocks are the real one.
    await browser.follow(`${siteUrl}/api/auth/oidc/login?reauth=1&return_to=/account`, { login: 'xena' });
    assert.equal(browser.signIns, 2, 'the issuer asked again');
  });

  test('re-authentication as another person at the issuer changes nothing here', async (t) => {
    const { siteUrl } = await setUp(t);
    const { browser } = await signIn(siteUrl, 'uma');
    const sessionOf = async () =>
      ((await (await fetch(`${siteUrl}/api/auth/session`, { headers: { cookie: browser.cookieHeader() } })).json()) as { user: { email: string } }).user.email;
    assert.equal(await sessionOf(), 'uma@corp.example');
    // The same browser on this site, but a fresh one at the issuer (where mallory signs in).
    const elsewhere = new ScriptedBrowser();
    elsewhere.cookies.set('sid', browser.cookies.get('sid')!);
    const landed = new URL(await elsewhere.follow(`${siteUrl}/api/auth/oidc/login?reauth=1&return_to=/account`, { login: 'mallory' }));
    assert.equal(`${landed.pathname}${landed.search}`, '/account?oidc_error=other_person');
    assert.equal(await sessionOf(), 'uma@corp.example', 'still the same person, with the same session');
  });

  test('return_to is a path on this site or the home page, judged as the browser will resolve it', () => {
    assert.equal(safeReturnPath('/payments?page=2'), '/payments?page=2');
    assert.equal(safeReturnPath('/payments/中'), '/payments/%E4%B8%AD', 'percent-encoded: a Location header is ASCII');
    assert.equal(safeReturnPath('/a/./b/../c'), '/a/c');
    const bad = [
      'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/api/kudos', '/API/x', 'payments', '/a b', 42, undefined,
      `/${'x'.repeat(600)}`, '/..//evil.example/phish', '/.//evil.example', '/%2e%2e//evil.example', '/a/../..//evil.example', '/%2F/evil.example',
      '/%61pi/kudos', '/%00', '/%0d%0aSet-Cookie:x', '/%E4%B8',
    ];
    for (const value of bad) assert.equal(safeReturnPath(value), '/', String(value));
  });

  test('a sign-in asked to return somewhere unsafe, refused or not, stays on this site', async (t) => {
    const { siteUrl } = await setUp(t);
    const atIssuer = await fetch(`${siteUrl}/api/auth/oidc/login?return_to=${encodeURIComponent('/..//evil.example/phish')}`, { redirect: 'manual' });
    const state = new URL(atIssuer.headers.get('location')!).searchParams.get('state');
    const cookie = atIssuer.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const cancelled = await fetch(`${siteUrl}/api/auth/oidc/callback?error=access_denied&state=${state}`, { redirect: 'manual', headers: { cookie } });
    assert.equal(cancelled.headers.get('location'), '/signin?oidc_error=cancelled');

    const { landed, browser } = await signIn(siteUrl, 'vic', `return_to=${encodeURIComponent('/payments/中')}`);
    assert.equal(landed.pathname, '/payments/%E4%B8%AD');
    assert.ok(browser.cookies.get('sid'), 'signed in');
  });

  test('a stranger\'s link to the callback does not spoil a sign-in in progress', async (t) => {
    const { siteUrl } = await setUp(t);
    const browser = new ScriptedBrowser();
    const callback = await browser.follow(`${siteUrl}/api/auth/oidc/login`, { login: 'wes', stopAt: `${siteUrl}/api/auth/oidc/callback` });
    const planted = await fetch(`${siteUrl}/api/auth/oidc/callback?code=x&state=attackers-state`, { redirect: 'manual', headers: { cookie: browser.cookieHeader() } });
    assert.equal(planted.headers.get('location'), '/signin?oidc_error=mismatch');
    assert.equal(planted.headers.getSetCookie().some((line) => line.startsWith('oidc_state=;')), false, 'the state cookie is kept');
    const mine = await fetch(callback, { redirect: 'manual', headers: { cookie: browser.cookieHeader() } });
    assert.equal(mine.headers.get('location'), '/');
  });

  test('tokens that carry no email work once the person has signed in on the page', async (t) => {
    const { app, issuer, siteUrl } = await setUp(t, { emailInAccessTokens: false });
    const token = await issuer.accessTokenFor('pat');
    assert.equal(jose.decodeJwt(token).email, undefined);
    const before = await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) });
    assert.equal(before.statusCode, 401);
    assert.match(before.json().error.message, /Signing in on the site once/);
    await signIn(siteUrl, 'pat');
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(token) })).statusCode, 200);
  });

  test('without a client id the page has no external sign-in; bearer tokens still work', async (t) => {
    const { app, issuer } = await setUp(t, { env: { OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '' } });
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/auth/providers' })).json(), { oidc: null });
    assert.equal((await app.inject({ method: 'GET', url: '/api/auth/oidc/login' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: bearer(await issuer.accessTokenFor('olga')) })).statusCode, 200);
  });
});
