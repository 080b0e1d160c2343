/**
 * The device at work: requests arrive live (or by polling while the stream
 * is down), each decided with a tap; what was just decided stays in view.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { decidedHow } from '../../payments/payment-status.ts';
import type { SettledApproval } from '../approval-feed.ts';
import type { StoredDevice } from '../device-store.ts';
import { useApprovalFeed } from '../hooks/use-approval-feed.ts';
import { ApprovalCard, type DecisionOutcome } from './approval-card.tsx';
import { ConnectionChip } from './connection-chip.tsx';

/** What became of a request this device was showing but did not decide. */
function settledText({ approval, status, decidedBy }: SettledApproval): string {
  const what = `${approval.amount_display} to ${approval.payee}`;
  if (status === 'expired') return `${what} expired before anyone approved it.`;
  if (status === 'approved' || status === 'denied') {
    const how = decidedBy === 'device' ? 'on a paired device' : decidedHow({ decided_by: decidedBy ?? null });
    return `${what} was ${status}${how ? ` ${how}` : ''}.`;
  }
  return `${what} is no longer waiting.`;
}

function outcomeText({ approval, decision, payment, conflict }: DecisionOutcome): string {
  const what = `${approval.amount_display} to ${approval.payee}`;
  if (conflict) return `${what}: ${conflict}`;
  if (payment?.status === 'approved') return `You approved ${what}.`;
  if (payment?.status === 'denied') return `You denied ${what}.`;
  return `${decision === 'approve' ? 'Approval' : 'Denial'} of ${what} sent.`;
}

export function ApprovalsList({ device }: { device: StoredDevice }) {
  const feed = useApprovalFeed(device);
  const [outcomes, setOutcomes] = useState<DecisionOutcome[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  if (feed.rejected) {
    return (
      <Alert severity="error" role="alert">
        <AlertTitle>This device can no longer approve payments</AlertTitle>
        {feed.rejected.message} Choose “Forget this device” below, then pair it again from the Account page.
      </Alert>
    );
  }

  const decided = new Set(outcomes.map((outcome) => outcome.approval.payment_id));
  const waiting = feed.approvals.filter((approval) => !decided.has(approval.payment_id));
  // What this device decided itself is told by its own outcome, even if the stream spoke first.
  const settled = feed.settled.filter((item) => !decided.has(item.approval.payment_id) && !dismissed.has(item.approval.payment_id));

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Typography component="h2" variant="h6" sx={{ fontWeight: 700 }}>
          Payments to approve
        </Typography>
        <Box role="status">
          <ConnectionChip mode={feed.mode} />
        </Box>
      </Stack>
      {/* Always there, so what appears in it is announced; while empty it takes no room in the column. */}
      <Stack role="status" aria-live="polite" spacing={1} sx={{ '&:empty': { mt: '0 !important' } }}>
        {outcomes.map((outcome) => (
          <Alert
            key={outcome.approval.payment_id}
            severity={outcome.conflict ? 'warning' : outcome.payment?.status === 'approved' ? 'success' : 'info'}
            onClose={() => setOutcomes((list) => list.filter((item) => item !== outcome))}
          >
            {outcomeText(outcome)}
          </Alert>
        ))}
        {settled.map((item) => (
          <Alert
            key={item.approval.payment_id}
            severity="info"
            onClose={() => setDismissed((ids) => new Set(ids).add(item.approval.payment_id))}
          >
            {settledText(item)}
          </Alert>
        ))}
      </Stack>
      {!feed.loaded && <Skeleton variant="rounded" height={220} aria-label="Loading payments to approve" />}
      {feed.loaded && waiting.length === 0 && (
        <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }}>
          <Typography>Nothing to approve right now.</Typography>
          <Typography color="text.secondary">Keep this page open: payments you send appear here at once.</Typography>
        </Paper>
      )}
      {waiting.length > 0 && (
      <Stack component="ul" aria-label="Payments to approve" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {waiting.map((approval) => (
          <li key={approval.payment_id}>
            <ApprovalCard
              device={device}
              approval={approval}
              onDecided={(outcome) => {
                setOutcomes((list) => [outcome, ...list.filter((item) => item.approval.payment_id !== approval.payment_id)].slice(0, 5));
                feed.dismiss(approval.payment_id);
              }}
            />
          </li>
        ))}
      </Stack>
      )}
      {waiting.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          Not expecting a request? Deny it: someone else may be signed in to your account.
        </Typography>
      )}
    </Stack>
  );
}
