/** One payment waiting for this device: who, how much, from where, until when; approve or deny. */
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { Payment, PendingApproval } from '#contracts/payfriend.ts';
import { useSecondsUntil } from '../../../hooks/use-now.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/error-message.ts';
import { formatCountdown, formatDateTime } from '../../../lib/format-time.ts';
import { useDecideApproval } from '../api/decide-approval.ts';
import { describeRequestOrigin } from '../device-name.ts';
import type { StoredDevice } from '../device-store.ts';
import type { Decision } from '../device-signing.ts';

export interface DecisionOutcome {
  approval: PendingApproval;
  decision: Decision;
  /** The payment as decided, or why it could not be (decided elsewhere, expired). */
  payment?: Payment;
  conflict?: string;
}

interface ApprovalCardProps {
  device: StoredDevice;
  approval: PendingApproval;
  onDecided: (outcome: DecisionOutcome) => void;
}

export function ApprovalCard({ device, approval, onDecided }: ApprovalCardProps) {
  const decide = useDecideApproval(device, approval, {
    onSuccess: (payment, decision) => onDecided({ approval, decision, payment }),
    onError: (error, decision) => {
      if (isApiError(error) && error.status === 409) onDecided({ approval, decision, conflict: error.message });
    },
  });
  const left = useSecondsUntil(Date.parse(approval.expires_at)) ?? 0;
  const titleId = useId();
  const expired = left === 0;
  const busy = decide.isPending ? decide.variables : undefined;

  function choose(decision: Decision) {
    decide.mutate(decision);
  }

  return (
    <Card component="article" variant="outlined" aria-labelledby={titleId} sx={{ borderColor: 'primary.light', borderWidth: 2 }}>
      <CardContent>
        <Typography variant="overline" color="text.secondary">
          Payment to approve
        </Typography>
        <Typography id={titleId} component="h3" variant="h4" sx={{ fontWeight: 800, fontVariantNumeric: 'tabular-nums' }}>
          {approval.amount_display}
          <Box component="span" sx={{ display: 'block', fontSize: '1.1rem', fontWeight: 500, mt: 0.5, overflowWrap: 'anywhere' }}>
            to {approval.payee}
          </Box>
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, mt: 2, mb: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0, overflowWrap: 'anywhere' } }}>
          <dt>Requested</dt>
          <dd>{formatDateTime(approval.requested_at)}</dd>
          <dt>From</dt>
          <dd>{describeRequestOrigin(approval.requested_from)}</dd>
          <dt>Expires</dt>
          <dd>{expired ? 'Expired' : `in ${formatCountdown(left)}`}</dd>
        </Box>
        {decide.isError && !(isApiError(decide.error) && decide.error.status === 409) && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {describeError(decide.error)}
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2, gap: 1 }}>
        <Button
          variant="contained"
          color="success"
          size="large"
          startIcon={busy === 'approve' ? <CircularProgress size={18} color="inherit" aria-hidden /> : <CheckIcon />}
          disabled={expired || decide.isPending}
          onClick={() => choose('approve')}
          aria-label={`Approve ${approval.amount_display} to ${approval.payee}`}
          sx={{ flex: 1 }}
        >
          Approve
        </Button>
        <Button
          variant="outlined"
          color="error"
          size="large"
          startIcon={busy === 'deny' ? <CircularProgress size={18} color="inherit" aria-hidden /> : <CloseIcon />}
          disabled={expired || decide.isPending}
          onClick={() => choose('deny')}
          aria-label={`Deny ${approval.amount_display} to ${approval.payee}`}
          sx={{ flex: 1 }}
        >
          Deny
        </Button>
      </CardActions>
    </Card>
  );
}
