import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bodyParams, encodeRfc3986, pushSignature, pushSignatureMatches, sortedParams } from './push-signature.ts';

// Published by Authy's Node client (authy-client) as its test vectors.
const vectorRequest = (biz: string) => ({
  nonce: '1455825429',
  method: 'POST',
  url: 'https://foo.bar/',
  params: bodyParams({ foo: { bar: { biz } }, qux: 'net' }),
});

describe('push callback signature', () => {
  test('reproduces the provider\'s published signatures', () => {
    assert.equal(pushSignature('foo', vectorRequest('foo')), 'uq/wB8AR1Acvn0wFcjm7mmBJyR11nuuMhMy6semsAO8=');
    assert.equal(pushSignature('foo', vectorRequest('foo bar')), '+fyGys+d5yNJx9SpeKZdf+N77od1t1cC/fVSWDW2+kY=');
  });

  test('verifies in constant time and refuses any change', () => {
    const signature = pushSignature('foo', vectorRequest('foo'));
    assert.ok(pushSignatureMatches('foo', vectorRequest('foo'), signature));
    assert.ok(!pushSignatureMatches('bar', vectorRequest('foo'), signature), 'another key');
    assert.ok(!pushSignatureMatches('foo', vectorRequest('fob'), signature), 'another body');
    assert.ok(!pushSignatureMatches('foo', { ...vectorRequest('foo'), nonce: '1455825430' }, signature), 'another nonce');
    assert.ok(!pushSignatureMatches('foo', { ...vectorRequest('foo'), url: 'https://foo.bar/x' }, signature), 'another url');
    assert.ok(!pushSignatureMatches('foo', { ...vectorRequest('foo'), method: 'PUT' }, signature), 'another method');
    assert.ok(!pushSignatureMatches('foo', vectorRequest('foo'), ''), 'empty signature');
  });

  test('flattens nested JSON as qs does: brackets, arrays, booleans, null, empty containers', () => {
    const params = bodyParams({ a: { b: { c: 1 } }, list: ['x', 'y'], yes: true, no: false, nothing: null, gone: undefined, empty: {}, none: [] });
    assert.deepEqual(params, [
      ['a[b][c]', '1'],
      ['list[]', 'x'],
      ['list[]', 'y'],
      ['yes', 'true'],
      ['no', 'false'],
      ['nothing', ''],
    ]);
  });

  test('sorts by key only, case-sensitively, keeping repeated keys in order', () => {
    const params: [string, string][] = [
      ['b', '2'],
      ['list[]', 'zzz'],
      ['B', 'upper'],
      ['list[]', 'aaa'],
      ['a', 'x y'],
    ];
    assert.equal(sortedParams(params), 'B=upper&a=x+y&b=2&list%5B%5D=zzz&list%5B%5D=aaa');
  });

  test('form bodies give the same parameters as the JSON they encode', () => {
    const form = new URLSearchParams('qux=net&foo%5Bbar%5D%5Bbiz%5D=foo+bar');
    assert.equal(pushSignature('foo', { ...vectorRequest('foo bar'), params: bodyParams(form) }), '+fyGys+d5yNJx9SpeKZdf+N77od1t1cC/fVSWDW2+kY=');
  });

  test('encodes everything outside RFC 3986 unreserved characters', () => {
    assert.equal(encodeRfc3986("a-b_c.d~e !'()*[]é"), "a-b_c.d~e%20%21%27%28%29%2A%5B%5D%C3%A9");
  });

  test('text that cannot be encoded fails verification instead of throwing', () => {
    const request = { ...vectorRequest('foo'), params: [['x', '\ud800'] as [string, string]] };
    assert.equal(pushSignatureMatches('foo', request, 'anything'), false);
  });
});
