import { useMutation } from '@tanstack/react-query';
import type { DeviceDecisionInput, Payment, PendingApproval } from '#contracts/payfriend.ts';
import { deviceSignedMeta } from '../../../lib/query-client.ts';
import type { StoredDevice } from '../device-store.ts';
import { type Decision, decisionSigningString, signText } from '../device-signing.ts';
import { deviceRequest } from '../device-request.ts';

/** Approves or denies: the decision is signed over the payment's challenge, and the request is signed too. */
export async function decideApproval(device: StoredDevice, approval: PendingApproval, decision: Decision): Promise<Payment> {
  const signature = await signText(device.keys.privateKey, decisionSigningString(approval.digest, decision));
  const body: DeviceDecisionInput = { decision, signature };
  return deviceRequest<Payment>(device, 'POST', `/api/device/approvals/${encodeURIComponent(approval.payment_id)}`, { body });
}

interface DecisionCallbacks {
  onSuccess: (payment: Payment, decision: Decision) => void;
  onError: (error: unknown, decision: Decision) => void;
}

/**
 * The callbacks belong to the mutation, not to one mutate() call: the device's event
 * stream may take the card away before the answer arrives, and callbacks given to
 * mutate() die with the component that called it.
 */
export function useDecideApproval(device: StoredDevice, approval: PendingApproval, callbacks: DecisionCallbacks) {
  return useMutation({
    mutationFn: (decision: Decision) => decideApproval(device, approval, decision),
    onSuccess: (payment, decision) => callbacks.onSuccess(payment, decision),
    onError: (error, decision) => callbacks.onError(error, decision),
    meta: deviceSignedMeta,
  });
}
