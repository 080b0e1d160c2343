/**
 * PaymentAuthorization for the devices feature: it proves who signed, this
 * side applies the payment rules (ownership, blocks, one transition).
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Schema } from '../../db/schema.ts';
import type { PaymentAuthorization } from './authorization.ts';
import type { Decisions } from './decisions.ts';
import { statusFor } from './lifecycle.ts';
import { toPendingApproval } from './payment-view.ts';
import type { PaymentsService } from './payments.service.ts';
import * as repo from './payments.repository.ts';
import type { ScaGuard } from './sca-guard.ts';

export function createDeviceAuthorization(deps: {
  db: Kysely<Schema>;
  clock: Clock;
  payments: PaymentsService;
  decisions: Decisions;
  sca: ScaGuard;
}): PaymentAuthorization {
  const { db, clock, payments, decisions, sca } = deps;
  return {
    async pendingApprovals(payerId) {
      return (await repo.listPendingWithDigest(db, payerId, clock.now())).map(toPendingApproval);
    },

    async challengeDigest(payerId, paymentId) {
      return (await repo.findOwnPayment(db, payerId, paymentId))?.digest;
    },

    async decideByDevice(payerId, paymentId, decision) {
      await payments.findOwn(payerId, paymentId);
      await sca.assertNotBlocked(payerId);
      const payment = await decisions.decide(paymentId, statusFor(decision), 'device');
      // A signature that verified is a successful authentication, whichever way it decided.
      await sca.recordSuccess(payerId);
      return payment;
    },

    async recordFailure(payerId) {
      await sca.recordFailure(payerId);
    },
  };
}
