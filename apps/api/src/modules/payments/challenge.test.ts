import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ChallengeFields, challengeDigest, newChallengeNonce, requestFingerprint } from './challenge.ts';

const base: ChallengeFields = {
  paymentId: '6f1c2a8e-1b7c-4c55-9a43-2f7d5d3c9b10',
  payerId: '0b7a7f44-58c2-4f8e-a0d1-8e6f3f3c1a22',
  payee: 'alice@example.com',
  amountMinor: 1999,
  currency: 'EUR',
  nonce: 'n0nce',
};

describe('challenge digest', () => {
  test('is SHA-256 hex and stable for the same fields', () => {
    const digest = challengeDigest(base);
    assert.match(digest, /^[0-9a-f]{64}$/);
    assert.equal(challengeDigest({ ...base }), digest);
  });

  const changes: [string, Partial<ChallengeFields>][] = [
    ['payment id', { paymentId: '6f1c2a8e-1b7c-4c55-9a43-2f7d5d3c9b11' }],
    ['payer', { payerId: 'someone-else' }],
    ['payee', { payee: 'mallory@example.com' }],
    ['amount', { amountMinor: 1998 }],
    ['currency', { currency: 'USD' }],
    ['nonce', { nonce: 'other' }],
  ];
  for (const [name, change] of changes) {
    test(`changes when the ${name} changes`, () => {
      assert.notEqual(challengeDigest({ ...base, ...change }), challengeDigest(base));
    });
  }

  test('is canonical: moving text from one field into the next gives another digest', () => {
    // With plain concatenation these two would both hash "alice@example.com1999EUR".
    const a = challengeDigest({ ...base, payee: 'alice@example.com1', amountMinor: 999 });
    const b = challengeDigest({ ...base, payee: 'alice@example.com', amountMinor: 1999 });
    assert.notEqual(a, b);
    const c = challengeDigest({ ...base, currency: 'EUR', nonce: 'xn' });
    const d = challengeDigest({ ...base, currency: 'EURx', nonce: 'n' });
    assert.notEqual(c, d);
    const e = challengeDigest({ ...base, payee: 'a","b' });
    const f = challengeDigest({ ...base, payee: 'a', payerId: `${base.payerId}","b` });
    assert.notEqual(e, f);
  });

  test('nonces are random and long', () => {
    const nonces = new Set(Array.from({ length: 100 }, newChallengeNonce));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.ok(nonce.length >= 43);
  });
});

describe('request fingerprint', () => {
  const request = { payee: 'alice@example.com', amountMinor: 1999, currency: 'EUR' };
  test('is the same for the same request and differs for any other', () => {
    assert.equal(requestFingerprint({ ...request }), requestFingerprint(request));
    assert.notEqual(requestFingerprint({ ...request, payee: 'bob@example.com' }), requestFingerprint(request));
    assert.notEqual(requestFingerprint({ ...request, amountMinor: 2000 }), requestFingerprint(request));
    assert.notEqual(requestFingerprint({ ...request, currency: 'USD' }), requestFingerprint(request));
  });
});
