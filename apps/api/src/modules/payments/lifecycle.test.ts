import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PaymentStatus } from '../../db/schema.ts';
import { effectiveState, isDue, isTerminal, refusal, statusFor } from './lifecycle.ts';

const NOW = Date.UTC(2026, 0, 1, 12);
const row = (status: PaymentStatus, expiresIn: number, decided: { at: number; by: string } | null = null) => ({
  status,
  expires_at: NOW + expiresIn,
  decided_at: decided?.at ?? null,
  decided_by: decided?.by ?? null,
});

describe('payment lifecycle rules', () => {
  test('only pending is open; every other status is final', () => {
    assert.equal(isTerminal('pending'), false);
    for (const status of ['approved', 'denied', 'expired'] as const) assert.equal(isTerminal(status), true);
  });

  test('decisions map to statuses', () => {
    assert.equal(statusFor('approve'), 'approved');
    assert.equal(statusFor('deny'), 'denied');
  });

  test('a pending payment is due from its expiry instant on', () => {
    assert.equal(isDue(row('pending', 1), NOW), false);
    assert.equal(isDue(row('pending', 0), NOW), true);
    assert.equal(isDue(row('pending', -1), NOW), true);
    assert.equal(isDue(row('approved', -1), NOW), false, 'a decided payment never becomes due');
  });

  test('a due payment reads as expired before the sweeper wrote it', () => {
    assert.deepEqual(effectiveState(row('pending', -5), NOW), { status: 'expired', decidedAt: NOW - 5, decidedBy: 'expiry' });
    assert.deepEqual(effectiveState(row('pending', 5), NOW), { status: 'pending', decidedAt: null, decidedBy: null });
    assert.deepEqual(effectiveState(row('approved', -5, { at: NOW - 10, by: 'sms' }), NOW), {
      status: 'approved',
      decidedAt: NOW - 10,
      decidedBy: 'sms',
    });
  });

  test('refusals say why a decision cannot happen', () => {
    assert.equal(refusal(row('pending', 1000), NOW), undefined);
    assert.equal(refusal(row('pending', 0), NOW)?.code, 'PAYMENT_EXPIRED');
    assert.equal(refusal(row('expired', -1), NOW)?.code, 'PAYMENT_EXPIRED');
    assert.equal(refusal(row('approved', 1000), NOW)?.code, 'PAYMENT_ALREADY_DECIDED');
    assert.equal(refusal(row('denied', -1000), NOW)?.code, 'PAYMENT_ALREADY_DECIDED');
    assert.equal(refusal(row('approved', 1000), NOW)?.status, 409);
  });
});
