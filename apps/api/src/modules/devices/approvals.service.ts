/**
 * What a paired device may do with payments: see what waits for its user,
 * and approve or deny with a signature bound to the payment's challenge.
 * Payments own the rules; this side only proves which device decided.
 */
import type { DeviceDecisionInput, Payment, PendingApproval } from '#contracts/payfriend.ts';
import { NotFoundError } from '../../core/errors.ts';
import type { PaymentAuthorization } from '../payments/authorization.ts';
import type { AuthenticatedDevice } from './device-auth.service.ts';
import { DecisionSignatureInvalidError } from './device-errors.ts';
import { verifyP1363 } from './device-key.ts';
import { decisionSigningString } from './request-signing.ts';

export function createApprovalsService(deps: { authorization: PaymentAuthorization }) {
  const { authorization } = deps;

  async function pending(device: AuthenticatedDevice): Promise<PendingApproval[]> {
    return authorization.pendingApprovals(device.userId);
  }

  async function decide(device: AuthenticatedDevice, paymentId: string, input: DeviceDecisionInput): Promise<Payment> {
    const digest = await authorization.challengeDigest(device.userId, paymentId);
    if (digest === undefined) throw new NotFoundError('No such payment');
    if (!verifyP1363(device.publicKey, decisionSigningString(digest, input.decision), input.signature)) {
      // A request signed by the device with a decision that is not: counted like a wrong SMS code.
      await authorization.recordFailure(device.userId);
      throw new DecisionSignatureInvalidError();
    }
    return authorization.decideByDevice(device.userId, paymentId, input.decision);
  }

  return { pending, decide };
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;
