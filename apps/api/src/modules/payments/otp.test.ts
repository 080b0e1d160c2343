import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeDuration, generateOtp, maskPhone, OTP_PATTERN, otpHash, otpMatches, otpMessage } from './otp.ts';

const digestA = 'a'.repeat(64);
const digestB = 'b'.repeat(64);

describe('SMS codes', () => {
  test('are six ASCII digits, leading zeros kept, and spread over the whole range', () => {
    const codes = Array.from({ length: 5000 }, generateOtp);
    for (const code of codes) assert.match(code, OTP_PATTERN);
    assert.ok(codes.some((code) => code.startsWith('0')), 'codes with a leading zero occur');
    assert.ok(new Set(codes).size > 4900, 'codes do not repeat much');
  });

  test('only a hash is kept, and it is bound to the challenge digest', () => {
    const hash = otpHash(digestA, '012345');
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.ok(!hash.includes('012345'));
    assert.ok(otpMatches(digestA, '012345', hash));
    assert.ok(!otpMatches(digestA, '012346', hash), 'another code');
    assert.ok(!otpMatches(digestA, '12345', hash), 'the same digits without the leading zero');
    assert.ok(!otpMatches(digestB, '012345', hash), 'the same code for another payment');
  });

  test('the message names amount and payee and warns against sharing', () => {
    const body = otpMessage({ amountDisplay: '€19.99', payee: 'alice@example.com', code: '012345', ttlSeconds: 300 });
    assert.equal(body, 'Payfriend: approve €19.99 to alice@example.com with code 012345. Valid 5 minutes. Never share this code.');
  });

  test('durations read naturally', () => {
    assert.equal(describeDuration(60), '1 minute');
    assert.equal(describeDuration(300), '5 minutes');
    assert.equal(describeDuration(90), '90 seconds');
  });

  test('phones are masked down to their last three digits', () => {
    assert.equal(maskPhone('+447700900123'), '+•••••••••123');
    assert.equal(maskPhone('+14155550100'), '+••••••••100');
  });
});
