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
