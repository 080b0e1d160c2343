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

export function useDecideApproval(device: StoredDevice, approval: PendingApproval) {
  return useMutation({
    mutationFn: (decision: Decision) => decideApproval(device, approval, decision),
    meta: deviceSignedMeta,
  });
}
