/**
 * The payment's status, big: a spinner while it waits, then green, red or
 * grey. One live region, so each change is read out.
 */
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import TimerOffIcon from '@mui/icons-material/TimerOff';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Payment } from '#contracts/payfriend.ts';
import { formatTime } from '../../../lib/format-time.ts';
import { decidedHow, STATUS_LABEL } from '../payment-status.ts';

const LOOK = {
  approved: { color: 'success.main', bg: 'rgba(46, 125, 50, 0.08)', icon: <CheckCircleIcon sx={{ fontSize: 64 }} /> },
  denied: { color: 'error.main', bg: 'rgba(211, 47, 47, 0.08)', icon: <CancelIcon sx={{ fontSize: 64 }} /> },
  expired: { color: 'text.secondary', bg: 'rgba(0, 0, 0, 0.05)', icon: <TimerOffIcon sx={{ fontSize: 64 }} /> },
} as const;

function explanation(payment: Payment): string {
  const at = payment.decided_at ? `at ${formatTime(payment.decided_at)}` : '';
  const what = (verb: string) => [verb, decidedHow(payment), at].filter(Boolean).join(' ');
  if (payment.status === 'approved') return `${what('Approved')}. The payment to ${payment.payee} is authorised.`;
  if (payment.status === 'denied') return `${what('Denied')}. Nothing will be paid.`;
  return 'Nobody approved the payment in time. Nothing will be paid.';
}

export function StatusPanel({ payment, noPhonePaired = false }: { payment: Payment; noPhonePaired?: boolean }) {
  const pending = payment.status === 'pending';
  const look = payment.status === 'pending' ? null : LOOK[payment.status];
  return (
    <Box
      role="status"
      aria-live="polite"
      aria-atomic
      data-status={payment.status}
      sx={{ borderRadius: 2, p: 3, textAlign: 'center', bgcolor: look?.bg ?? 'rgba(2, 119, 189, 0.06)', color: look?.color }}
    >
      <Stack spacing={1.5} sx={{ alignItems: 'center' }}>
        {pending ? <CircularProgress size={56} aria-hidden /> : <Box aria-hidden>{look?.icon}</Box>}
        <Typography component="p" variant="h4" sx={{ fontWeight: 800, color: 'inherit' }}>
          {STATUS_LABEL[payment.status]}
        </Typography>
        <Typography color={pending ? 'text.primary' : 'inherit'} sx={{ maxWidth: 520 }}>
          {!pending
            ? explanation(payment)
            : noPhonePaired
              ? 'No phone is paired with your account: confirm this payment with a code by text message.'
              : 'Open the Authenticator on your paired phone and approve this payment.'}
        </Typography>
      </Stack>
    </Box>
  );
}
