import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';

const valid = { id: 10, repo_name: 'r', full_name: 'o/r', language: 'Go', description: 'd', repo_url: 'https://github.com/o/r' };

/** Each case: a body (or raw request) the API must refuse with a 4xx naming the field. */
const badBodies: [string, unknown, string][] = [
  ['missing id', { ...valid, id: undefined }, 'id'],
  ['id zero', { ...valid, id: 0 }, 'id'],
  ['negative id', { ...valid, id: -5 }, 'id'],
  ['fractional id', { ...valid, id: 1.5 }, 'id'],
  ['id as a string', { ...valid, id: '10' }, 'id'],
  ['id as a boolean', { ...valid, id: true }, 'id'],
  ['id beyond 2^53', { ...valid, id: 2 ** 60 }, 'id'],
  ['missing name', { ...valid, repo_name: undefined }, 'repo_name'],
  ['blank name', { ...valid, repo_name: '   ' }, 'repo_name'],
  ['name too long', { ...valid, repo_name: 'x'.repeat(101) }, 'repo_name'],
  ['missing full_name and owner', { ...valid, full_name: undefined }, 'full_name'],
  ['missing url', { ...valid, repo_url: undefined }, 'repo_url'],
  ['javascript: url', { ...valid, repo_url: 'javascript:alert(1)' }, 'repo_url'],
  ['relative url', { ...valid, repo_url: '/o/r' }, 'repo_url'],
  ['data: html_url', { ...valid, repo_url: undefined, html_url: 'data:text/html,hi' }, 'html_url'],
  ['description too long', { ...valid, description: 'x'.repeat(2001) }, 'description'],
  ['language as a number', { ...valid, language: 5 }, 'language'],
  ['NUL in description', { ...valid, description: 'a\u0000b' }, 'description'],
  ['a bell in description', { ...valid, description: 'ding\u0007' }, 'description'],
  ['a right-to-left override in description', { ...valid, description: 'abc\u202edcba' }, 'description'],
  ['a newline in repo_name', { ...valid, repo_name: 'r\nx' }, 'repo_name'],
  ['a tab in full_name', { ...valid, full_name: 'o/\tr' }, 'full_name'],
  ['a zero-width space in language', { ...valid, language: 'Go\u200b' }, 'language'],
  ['a right-to-left override in repo_url', { ...valid, repo_url: 'https://github.com/o/r\u202e' }, 'repo_url'],
  ['a byte-order mark in GitHub\'s name', { ...valid, repo_name: undefined, name: '\ufeffr' }, 'name'],
  ['a C1 control in owner.login', { ...valid, full_name: undefined, owner: { login: 'o\u0085' } }, 'owner.login'],
  ['a Hangul filler, which prints as nothing, in repo_name', { ...valid, repo_name: 'r\u3164' }, 'repo_name'],
  ['a repo_name of one zero-width joiner, which displays blank', { ...valid, repo_name: '\u200d' }, 'repo_name'],
  ['a noncharacter in description', { ...valid, description: 'a\ufffeb' }, 'description'],
  ['owner as a string', { ...valid, full_name: undefined, owner: 'o' }, 'owner'],
  ['an array', [valid], '(root)'],
  ['a number', 42, '(root)'],
];

describe('kudos input validation', () => {
  for (const [name, body, field] of badBodies) {
    test(`POST refuses ${name}, naming "${field}", and writes nothing`, async (t) => {
      const { app } = await buildTestApp(t);
      const { auth } = await registerWithToken(app);
      const response = await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: body as object });
      assert.ok([400, 422].includes(response.statusCode), `${response.statusCode} ${response.body}`);
      const error = response.json().error;
      assert.equal(typeof error.code, 'string');
      assert.ok(error.fields?.some((f: { field: string }) => f.field === field), `fields: ${JSON.stringify(error.fields)}`);
      assert.deepEqual((await app.inject({ method: 'GET', url: '/api/kudos', headers: auth })).json(), []);
    });
  }

  test('PUT validates its fields the same way, and a failed PUT changes nothing', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: valid });
    for (const [payload, field] of [
      [{ repo_url: 'javascript:alert(1)' }, 'repo_url'],
      [{ repo_name: '' }, 'repo_name'],
      [{ description: 'ok', full_name: 'x'.repeat(141) }, 'full_name'],
    ] as const) {
      const response = await app.inject({ method: 'PUT', url: '/api/kudos/10', headers: auth, payload });
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().error.fields[0].field, field);
    }
    const stored = (await app.inject({ method: 'GET', url: '/api/kudos/10', headers: auth })).json() as Record<string, unknown>;
    assert.deepEqual({ ...stored, user_id: undefined }, { ...valid, user_id: undefined });
  });

  test('malformed requests are 4xx with a JSON error, never 5xx', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const cases = [
      { name: 'malformed JSON', headers: { 'content-type': 'application/json' }, payload: '{"id": 1,', status: 400 },
      { name: 'empty JSON body', headers: { 'content-type': 'application/json' }, payload: '', status: 400 },
      { name: 'wrong content type', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify(valid), status: 415 },
      { name: 'form encoding', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'id=1', status: 415 },
      { name: 'oversized body', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...valid, description: 'x'.repeat(70_000) }), status: 413 },
      { name: 'JSON null', headers: { 'content-type': 'application/json' }, payload: 'null', status: 422 },
      { name: 'deeply nested', headers: { 'content-type': 'application/json' }, payload: '['.repeat(5000) + ']'.repeat(5000), status: 422 },
      { name: '__proto__ pollution', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"admin":true},"id":1}', status: 400 },
    ];
    for (const c of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/kudos', headers: { ...auth, ...c.headers }, payload: c.payload });
      assert.equal(response.statusCode, c.status, `${c.name}: ${response.body}`);
      assert.equal(typeof response.json().error.code, 'string', c.name);
    }
  });

  test('a non-numeric or out-of-range id in the URL is 400 naming "id"', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    for (const id of ['abc', '12abc', '-1', '1.5', '0', '1e3', '99999999999999999', '%00', 'null']) {
      for (const base of ['/api/kudos', '/api/kudo']) {
        const response = await app.inject({ method: 'GET', url: `${base}/${id}`, headers: auth });
        assert.equal(response.statusCode, 400, `${base}/${id}: ${response.body}`);
        assert.equal(response.json().error.fields[0].field, 'id');
      }
    }
  });

  test('unknown routes under /api answer 404 as JSON', async (t) => {
    const { app } = await buildTestApp(t);
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'NOT_FOUND');
  });
});
