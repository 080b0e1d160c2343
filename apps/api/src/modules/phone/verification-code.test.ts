import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeMatches, codeMessage, hashCode, randomCode } from './verification-code.ts';

describe('verification codes', () => {
  test('are always 6 digits, leading zeros kept', () => {
    assert.equal(randomCode(() => 42), '000042');
    assert.equal(randomCode(() => 0), '000000');
    assert.equal(randomCode(() => 999_999), '999999');
    let asked = 0;
    randomCode((max) => {
      asked = max;
      return 0;
    });
    assert.equal(asked, 1_000_000, 'drawn uniformly from all million codes');
    for (let i = 0; i < 1000; i += 1) assert.match(randomCode(), /^\d{6}$/);
  });

  test('are stored as a hash bound to user and phone', () => {
    const hash = hashCode('user-1', '+447700900123', '012345');
    assert.doesNotMatch(hash, /012345/);
    assert.ok(codeMatches(hash, 'user-1', '+447700900123', '012345'));
    assert.ok(!codeMatches(hash, 'user-1', '+447700900123', '12345'), 'the leading zero matters');
    assert.ok(!codeMatches(hash, 'user-2', '+447700900123', '012345'), 'another user');
    assert.ok(!codeMatches(hash, 'user-1', '+447700900124', '012345'), 'another phone');
  });

  test('the message names the code and how long it lasts', () => {
    assert.equal(codeMessage('012345'), 'Your Payfriend verification code is 012345. It expires in 5 minutes.');
  });
});
