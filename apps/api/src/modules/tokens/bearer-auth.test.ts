import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import * as jose from 'jose';
import { registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp, testEnv } from '../../../../../test-support/build-test-app.ts';
import { readSigningKey } from '../../../../../test-support/signing-keys.ts';
import { freshDatabaseUrl } from '../../../../../test-support/test-database.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { ManualClock } from '../../core/clock.ts';

const kudosWith = (authorization: string) => ({ method: 'GET' as const, url: '/api/kudos', headers: { authorization } });

describe('bearer tokens', () => {
  test('a token from /api/auth/token reads the caller\'s kudos', async (t) => {
    const { app } = await buildTestApp(t);
    const { token } = await registerWithToken(app);
    const issued = await app.inject({ method: 'GET', url: '/api/kudos', headers: { authorization: `Bearer ${token}` } });
    assert.equal(issued.statusCode, 200);
    assert.deepEqual(issued.json(), []);
    const header = jose.decodeProtectedHeader(token);
    assert.equal(header.alg, 'ES256');
    const claims = jose.decodeJwt(token);
    assert.equal(claims.iss, 'http://localhost:4433');
    assert.equal(claims.aud, 'kudos-api');
  });

  test('token endpoint answers the documented shape and refuses bad credentials alike', async (t) => {
    const { app } = await buildTestApp(t);
    const { email } = await registerWithToken(app);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password: 'correct horse battery staple' } });
    assert.equal(ok.statusCode, 200);
    const body = ok.json();
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type']);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 900);
    const wrongPassword = await app.inject({ method: 'POST', url: '/api/auth/token', payload: { email, password: 'not the password' } });
    const noUser = await app.inject({ method: 'POST', url: '/api/auth/token', payload: { email: 'nobody@example.test', password: 'not the password' } });
    assert.equal(wrongPassword.statusCode, 401);
    assert.deepEqual(wrongPassword.json(), noUser.json());
  });

  const refusals: [string, (ctx: { token: string; forge: (claims: jose.JWTPayload, header?: Partial<jose.JWTHeaderParameters>) => Promise<string> }) => Promise<string>][] = [
    ['missing header', async () => ''],
    ['Bearer with nothing after it', async () => 'Bearer'],
    ['Bearer and a space', async () => 'Bearer '],
    ['another scheme', async ({ token }) => `Basic ${token}`],
    ['garbage', async () => 'Bearer not.a.jwt'],
    ['random base64 segments', async () => `Bearer ${Buffer.from('{"alg":"ES256"}').toString('base64url')}.e30.c2ln`],
    ['alg none', async ({ token }) => {
      const payload = token.split('.')[1];
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      return `Bearer ${header}.${payload}.`;
    }],
    ['HS256 signed with a guessable secret', async ({ token }) => {
      const claims = jose.decodeJwt(token);
      return `Bearer ${await new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('secret'))}`;
    }],
    ['HS256 signed with the public key as secret', async ({ token, forge }) => {
      void forge;
      const claims = jose.decodeJwt(token);
      const header = jose.decodeProtectedHeader(token);
      return `Bearer ${await new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: header.kid }).sign(new TextEncoder().encode(JSON.stringify(header)))}`;
    }],
    ['tampered payload', async ({ token }) => {
      const [h, p, s] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      claims.sub = randomUUID();
      return `Bearer ${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    }],
    ['wrong issuer', async ({ forge }) => `Bearer ${await forge({ iss: 'https://evil.example' })}`],
    ['wrong audience', async ({ forge }) => `Bearer ${await forge({ aud: 'another-api' })}`],
    ['expired long ago', async ({ forge }) => `Bearer ${await forge({ exp: Math.floor(Date.now() / 1000) - 3600 })}`],
    ['not valid yet', async ({ forge }) => `Bearer ${await forge({ nbf: Math.floor(Date.now() / 1000) + 3600 })}`],
    ['no subject', async ({ forge }) => `Bearer ${await forge({ sub: undefined })}`],
    ['signed by another key with our kid', async ({ token }) => {
      const { privateKey } = await jose.generateKeyPair('ES256');
      const header = jose.decodeProtectedHeader(token);
      return `Bearer ${await new jose.SignJWT(jose.decodeJwt(token)).setProtectedHeader({ alg: 'ES256', kid: header.kid }).sign(privateKey)}`;
    }],
  ];

  for (const [name, makeHeader] of refusals) {
    test(`401 with a JSON body: ${name}`, async (t) => {
      const { app, config } = await buildTestApp(t);
      const { token } = await registerWithToken(app);
      const key = await readSigningKey(config);
      const forge = async (overrides: jose.JWTPayload) => {
        const now = Math.floor(Date.now() / 1000);
        const claims: jose.JWTPayload = { ...jose.decodeJwt(token), iat: now, nbf: now, exp: now + 600, ...overrides };
        for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
        return new jose.SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.kid }).sign(key.privateKey);
      };
      // The forging helper itself must produce tokens the server accepts, or the refusals prove nothing.
      const control = await app.inject(kudosWith(`Bearer ${await forge({})}`));
      assert.equal(control.statusCode, 200, 'a correctly forged token is accepted');

      const authorization = await makeHeader({ token, forge });
      const response = await app.inject(authorization ? kudosWith(authorization) : { method: 'GET', url: '/api/kudos' });
      assert.equal(response.statusCode, 401, response.body);
      assert.match(String(response.headers['content-type']), /application\/json/);
      const body = response.json();
      assert.equal(typeof body.error.code, 'string');
      assert.equal(typeof body.error.message, 'string');
    });
  }

  test('expiry is checked against the clock, with a small leeway', async (t) => {
    const clock = new ManualClock(Date.now());
    const { app } = await buildTestApp(t, { overrides: { clock } });
    const { auth } = await registerWithToken(app);
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: auth })).statusCode, 200);
    clock.advance(900_000 + 20_000); // 20 s past expiry: within the 30 s leeway
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: auth })).statusCode, 200);
    clock.advance(15_000);
    const expired = await app.inject({ method: 'GET', url: '/api/kudos', headers: auth });
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json().error.code, 'TOKEN_EXPIRED');
  });

  test('signing keys persist: a token survives a restart on the same database', async (t) => {
    const config = loadConfig(testEnv({ DATABASE_URL: await freshDatabaseUrl(t) }));
    const first = await buildApp(config, { logger: false });
    const { auth } = await registerWithToken(first);
    const jwksBefore = (await first.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
    await first.close();

    const second = await buildApp(config, { logger: false });
    try {
      const response = await second.inject({ method: 'GET', url: '/api/kudos', headers: auth });
      assert.equal(response.statusCode, 200);
      const jwksAfter = (await second.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
      assert.deepEqual(jwksAfter, jwksBefore);
    } finally {
      await second.close();
    }
  });

  test('JWKS publishes public keys only, and they verify issued tokens', async (t) => {
    const { app } = await buildTestApp(t);
    const { token } = await registerWithToken(app);
    const jwks = (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json() as jose.JSONWebKeySet;
    assert.ok(jwks.keys.length >= 1);
    for (const key of jwks.keys) {
      assert.equal(key.d, undefined, 'no private part');
      assert.equal(key.kty, 'EC');
    }
    const { payload } = await jose.jwtVerify(token, jose.createLocalJWKSet(jwks), { issuer: 'http://localhost:4433', audience: 'kudos-api' });
    assert.equal(typeof payload.sub, 'string');
  });
});
