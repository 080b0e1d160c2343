import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { registerWithSession, registerWithToken } from '../../../../../test-support/api-client.ts';
import { buildTestApp } from '../../../../../test-support/build-test-app.ts';

const githubItem = JSON.parse(readFileSync(new URL('./fixtures/github-search-item.json', import.meta.url), 'utf8'));

function kudo(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    repo_name: `repo-${id}`,
    full_name: `owner/repo-${id}`,
    language: 'TypeScript',
    description: `Repository number ${id}`,
    repo_url: `https://github.com/owner/repo-${id}`,
    ...extra,
  };
}

describe('kudos API', () => {
  test('a user lists only their own kudos, newest first', async (t) => {
    const { app } = await buildTestApp(t);
    const alice = await registerWithToken(app);
    const bob = await registerWithToken(app);
    for (const id of [11, 12, 13]) {
      const r = await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(id) });
      assert.equal(r.statusCode, 201);
    }
    await app.inject({ method: 'POST', url: '/api/kudos', headers: bob.auth, payload: kudo(99) });

    const list = (await app.inject({ method: 'GET', url: '/api/kudos', headers: alice.auth })).json();
    assert.deepEqual(list.map((k: { id: number }) => k.id), [13, 12, 11]);
    const aliceId = list[0].user_id;
    assert.ok(list.every((k: { user_id: string }) => k.user_id === aliceId));
    const bobList = (await app.inject({ method: 'GET', url: '/api/kudos', headers: bob.auth })).json();
    assert.deepEqual(bobList.map((k: { id: number }) => k.id), [99]);
    assert.notEqual(bobList[0].user_id, aliceId);
  });

  test('POST returns the stored kudo with exactly the documented fields', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const response = await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: kudo(7) });
    assert.equal(response.statusCode, 201);
    const body = response.json();
    assert.deepEqual(Object.keys(body).sort(), ['description', 'full_name', 'id', 'language', 'repo_name', 'repo_url', 'user_id']);
    assert.deepEqual({ ...body, user_id: undefined }, { ...kudo(7), user_id: undefined });
  });

  test('an account holds at most KUDOS_PER_USER_MAX kudos; at the limit a repeat is still 200 and a removal makes room', async (t) => {
    const { app } = await buildTestApp(t, { env: { KUDOS_PER_USER_MAX: '3' } });
    const alice = await registerWithToken(app);
    const bob = await registerWithToken(app);
    for (const id of [1, 2, 3]) {
      assert.equal((await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(id) })).statusCode, 201);
    }
    const refused = await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(4) });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'KUDOS_LIMIT_REACHED');
    assert.match(refused.json().error.message, /at most 3 kudos/);
    const again = await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(2) });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, 2);
    const list = (await app.inject({ method: 'GET', url: '/api/kudos', headers: alice.auth })).json();
    assert.deepEqual(list.map((k: { id: number }) => k.id), [3, 2, 1], 'the refused post wrote nothing');
    // The limit is per account: another user is unaffected.
    assert.equal((await app.inject({ method: 'POST', url: '/api/kudos', headers: bob.auth, payload: kudo(4) })).statusCode, 201);

    assert.equal((await app.inject({ method: 'DELETE', url: '/api/kudos/1', headers: alice.auth })).statusCode, 204);
    assert.equal((await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(4) })).statusCode, 201);
  });

  test('posting a repository twice is idempotent: 201 then 200, one row', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const first = await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: kudo(5) });
    const second = await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: kudo(5, { description: 'changed' }) });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), first.json(), 'the existing kudo comes back unchanged');
    const list = (await app.inject({ method: 'GET', url: '/api/kudos', headers: auth })).json();
    assert.equal(list.length, 1);
  });

  test('concurrent posts of one repository store one kudo', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: kudo(42) })),
    );
    assert.equal(responses.filter((r) => r.statusCode === 201).length, 1);
    assert.equal(responses.filter((r) => r.statusCode === 200).length, 19);
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: auth })).json().length, 1);
  });

  test('two users may kudo the same repository', async (t) => {
    const { app } = await buildTestApp(t);
    const alice = await registerWithToken(app);
    const bob = await registerWithToken(app);
    assert.equal((await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(8) })).statusCode, 201);
    assert.equal((await app.inject({ method: 'POST', url: '/api/kudos', headers: bob.auth, payload: kudo(8) })).statusCode, 201);
  });

  for (const base of ['/api/kudos', '/api/kudo']) {
    test(`GET, PUT and DELETE work under ${base}/:id`, async (t) => {
      const { app } = await buildTestApp(t);
      const { auth } = await registerWithToken(app);
      await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: kudo(31) });

      const got = await app.inject({ method: 'GET', url: `${base}/31`, headers: auth });
      assert.equal(got.statusCode, 200);
      assert.equal(got.json().full_name, 'owner/repo-31');

      const put = await app.inject({ method: 'PUT', url: `${base}/31`, headers: auth, payload: { description: 'Updated', language: null } });
      assert.equal(put.statusCode, 200);
      assert.equal(put.json().description, 'Updated');
      assert.equal(put.json().language, null);
      assert.equal((await app.inject({ method: 'GET', url: `${base}/31`, headers: auth })).json().description, 'Updated');

      const deleted = await app.inject({ method: 'DELETE', url: `${base}/31`, headers: auth });
      assert.equal(deleted.statusCode, 204);
      assert.equal((await app.inject({ method: 'GET', url: `${base}/31`, headers: auth })).statusCode, 404);
      assert.equal((await app.inject({ method: 'DELETE', url: `${base}/31`, headers: auth })).statusCode, 404);
    });

    test(`another user's kudo is 404 on every route under ${base}/:id, and stays untouched`, async (t) => {
      const { app } = await buildTestApp(t);
      const alice = await registerWithToken(app);
      const mallory = await registerWithToken(app);
      const original = (await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(77) })).json();

      const missing = await app.inject({ method: 'GET', url: `${base}/78`, headers: mallory.auth });
      for (const request of [
        { method: 'GET' as const, url: `${base}/77` },
        { method: 'PUT' as const, url: `${base}/77`, payload: { description: 'pwned' } },
        { method: 'DELETE' as const, url: `${base}/77` },
      ]) {
        const response = await app.inject({ ...request, headers: mallory.auth });
        assert.equal(response.statusCode, 404, `${request.method} ${request.url}`);
        assert.equal(response.json().error.code, missing.json().error.code, 'indistinguishable from a missing kudo');
      }
      const after = await app.inject({ method: 'GET', url: `${base}/77`, headers: alice.auth });
      assert.deepEqual(after.json(), original);
      assert.deepEqual((await app.inject({ method: 'GET', url: '/api/kudos', headers: mallory.auth })).json(), []);
    });
  }

  test('PUT cannot change the repository id', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: kudo(3) });
    const response = await app.inject({ method: 'PUT', url: '/api/kudos/3', headers: auth, payload: { id: 4, description: 'x' } });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.fields[0].field, 'id');
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos/3', headers: auth })).json().description, 'Repository number 3');
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos/4', headers: auth })).statusCode, 404);
    const same = await app.inject({ method: 'PUT', url: '/api/kudos/3', headers: auth, payload: { id: 3, description: 'same id is fine' } });
    assert.equal(same.statusCode, 200);
  });

  test('a raw GitHub search item is accepted and mapped', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const response = await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: githubItem });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.id, githubItem.id);
    assert.equal(body.repo_name, githubItem.name);
    assert.equal(body.full_name, githubItem.full_name);
    assert.equal(body.repo_url, githubItem.html_url);
    assert.equal(body.language, githubItem.language);
    assert.equal(body.description, githubItem.description);
    assert.equal(body.stargazers_count, undefined, 'unknown fields are not echoed');
  });

  test('null language and description are kept as null; full_name derives from owner.login', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/kudos',
      headers: auth,
      payload: { id: 900, name: 'bare', html_url: 'https://github.com/someone/bare', owner: { login: 'someone' }, language: null, description: null },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().full_name, 'someone/bare');
    assert.equal(response.json().language, null);
    assert.equal(response.json().description, null);
  });

  test('unicode and emoji survive byte for byte', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    // Real descriptions also hold soft hyphens, line breaks, tabs and direction marks.
    const description = '仅用查看文档 🚀👩‍👩‍👧 — Ñandú e\u0301 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u200d co\u00adop\nline two\tcol \u200fשלום';
    await app.inject({ method: 'POST', url: '/api/kudos', headers: auth, payload: kudo(21, { description, repo_name: 'データ' }) });
    const raw = (await app.inject({ method: 'GET', url: '/api/kudos/21', headers: auth })).rawPayload;
    const body = JSON.parse(raw.toString('utf8'));
    assert.equal(body.description, description);
    assert.equal(Buffer.compare(Buffer.from(body.description, 'utf8'), Buffer.from(description, 'utf8')), 0);
    assert.equal(body.repo_name, 'データ');
  });

  test('the page\'s session cookie works, and its writes need the CSRF token', async (t) => {
    const { app } = await buildTestApp(t);
    const page = await registerWithSession(app);
    const read = await app.inject({ method: 'GET', url: '/api/kudos', cookies: page.cookies });
    assert.equal(read.statusCode, 200);

    const noToken = await app.inject({ method: 'POST', url: '/api/kudos', cookies: page.cookies, payload: kudo(1) });
    assert.equal(noToken.statusCode, 403);
    assert.equal(noToken.json().error.code, 'CSRF_TOKEN_INVALID');
    const wrongToken = await app.inject({ method: 'POST', url: '/api/kudos', cookies: page.cookies, headers: { 'x-csrf-token': 'nope' }, payload: kudo(1) });
    assert.equal(wrongToken.statusCode, 403);
    const deleteNoToken = await app.inject({ method: 'DELETE', url: '/api/kudos/1', cookies: page.cookies });
    assert.equal(deleteNoToken.statusCode, 403);
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/kudos', cookies: page.cookies })).json(), [], 'nothing written');

    const ok = await app.inject({ method: 'POST', url: '/api/kudos', cookies: page.cookies, headers: { 'x-csrf-token': page.csrfToken }, payload: kudo(1) });
    assert.equal(ok.statusCode, 201);
  });

  test('every kudos route needs a caller', async (t) => {
    const { app } = await buildTestApp(t);
    for (const request of [
      { method: 'GET' as const, url: '/api/kudos' },
      { method: 'POST' as const, url: '/api/kudos', payload: kudo(1) },
      { method: 'GET' as const, url: '/api/kudos/1' },
      { method: 'PUT' as const, url: '/api/kudo/1', payload: {} },
      { method: 'DELETE' as const, url: '/api/kudo/1' },
    ]) {
      const response = await app.inject(request);
      assert.equal(response.statusCode, 401, `${request.method} ${request.url}`);
    }
  });
});

describe('the cached list', () => {
  test('GET /api/kudos answers 304 to a matching If-None-Match, and every write changes the ETag', async (t) => {
    const { app } = await buildTestApp(t);
    const { auth } = await registerWithToken(app);
    const first = await app.inject({ method: 'GET', url: '/api/kudos', headers: auth });
    const etag = first.headers.etag as string;
    assert.match(etag, /^"[\w-]+"$/);
    const revalidated = await app.inject({ method: 'GET', url: '/api/kudos', headers: { ...auth, 'if-none-match': etag } });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.body, '');

    const etags = new Set([etag]);
    const steps = [
      { method: 'POST' as const, url: '/api/kudos', payload: kudo(1) },
      { method: 'PUT' as const, url: '/api/kudos/1', payload: { description: 'changed' } },
      { method: 'DELETE' as const, url: '/api/kudos/1' },
    ];
    for (const step of steps) {
      await app.inject({ ...step, headers: auth });
      const after = await app.inject({ method: 'GET', url: '/api/kudos', headers: { ...auth, 'if-none-match': [...etags].at(-1)! } });
      assert.equal(after.statusCode, 200, `${step.method} must invalidate the cached list`);
      etags.add(after.headers.etag as string);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/kudos', headers: auth })).json().length, 0);
    assert.equal(etags.size, 3, 'empty list, one kudo, changed kudo; the empty list again has the first ETag');
  });

  test('an idempotent repeat POST does not invalidate, and another user\'s write leaves my cache alone', async (t) => {
    const { app } = await buildTestApp(t);
    const alice = await registerWithToken(app);
    const bob = await registerWithToken(app);
    await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(1) });
    const etag = (await app.inject({ method: 'GET', url: '/api/kudos', headers: alice.auth })).headers.etag as string;
    await app.inject({ method: 'POST', url: '/api/kudos', headers: alice.auth, payload: kudo(1) });
    await app.inject({ method: 'POST', url: '/api/kudos', headers: bob.auth, payload: kudo(2) });
    const again = await app.inject({ method: 'GET', url: '/api/kudos', headers: { ...alice.auth, 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
  });
});
