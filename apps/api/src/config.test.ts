import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults need no environment at all', () => {
  const config = loadConfig({});
  assert.equal(config.port, 4433);
  assert.deepEqual(config.database, { dialect: 'sqlite', file: 'data/app.db' });
  assert.equal(config.github.apiUrl, 'https://api.github.com');
  assert.equal(config.github.token, undefined);
  assert.equal(config.publicUrl, 'http://localhost:4433');
  assert.deepEqual(config.corsOrigins, []);
  assert.equal(config.session.secureCookie, false);
});

test('every bad value is reported at once, by name', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', GITHUB_API_URL: 'ftp://x', CORS_ORIGINS: 'not a url,https://ok.example/path', PUBLIC_URL: 'nope' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const text = error.problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'GITHUB_API_URL', 'CORS_ORIGINS', 'PUBLIC_URL']) assert.match(text, new RegExp(name));
      assert.equal(error.problems.length, 6);
      return true;
    },
  );
});

test('postgres URLs and https public URLs are understood', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', PUBLIC_URL: 'https://kudos.example.com/', GITHUB_TOKEN: 'ghp_x' });
  assert.deepEqual(config.database, { dialect: 'postgres', url: 'postgres://u@127.0.0.1:5432/db' });
  assert.equal(config.publicUrl, 'https://kudos.example.com');
  assert.equal(config.session.secureCookie, true);
  assert.equal(config.jwt.issuer, 'https://kudos.example.com');
  assert.equal(config.github.token, 'ghp_x');
});

test('PORT out of range is refused', () => {
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT must be between 0 and 65535/);
});

test('an external OpenID Connect issuer: https (http only on this machine), an audience, asymmetric algorithms only', () => {
  assert.equal(loadConfig({}).oidc, undefined);
  const oidc = loadConfig({ OIDC_ISSUER: 'https://corp.okta.com/oauth2/default', OIDC_AUDIENCE: 'api://default', OIDC_CLIENT_ID: 'abc' }).oidc;
  assert.deepEqual(oidc, {
    issuer: 'https://corp.okta.com/oauth2/default',
    audience: 'api://default',
    algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    name: 'corp.okta.com',
    client: { id: 'abc', secret: undefined, scopes: 'openid email profile' },
  });
  assert.equal(loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:8080/realms/x', OIDC_AUDIENCE: 'a' }).oidc?.client, undefined);

  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };
  assert.match(problems({ OIDC_ISSUER: 'http://idp.example.com', OIDC_AUDIENCE: 'a' }), /OIDC_ISSUER must be an https:\/\/ URL/);
  assert.match(problems({ OIDC_ISSUER: 'https://idp.example.com' }), /OIDC_AUDIENCE is required/);
  assert.match(problems({ OIDC_ISSUER: 'https://idp.example.com', OIDC_AUDIENCE: 'a', OIDC_ALGORITHMS: 'RS256,HS256' }), /refused: HS256/);
  assert.match(problems({ OIDC_ISSUER: 'https://idp.example.com', OIDC_AUDIENCE: 'a', OIDC_ALGORITHMS: 'none' }), /refused: none/);
  assert.match(problems({ OIDC_ISSUER: 'https://idp.example.com', OIDC_AUDIENCE: 'a', OIDC_CLIENT_ID: 'c', OIDC_SCOPES: 'email' }), /must include openid/);
  assert.match(problems({ OIDC_CLIENT_ID: 'c' }), /OIDC_CLIENT_ID is set but OIDC_ISSUER is not/);
});
