/**
 * /payments/:id: one payment. While it waits, its status arrives live from the
 * server, with a code by text message offered after a while; once decided,
 * the outcome is shown big.
 */
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { Payment } from '#contracts/payfriend.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useSecondsUntil } from '../../../hooks/use-now.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { formatCountdown, formatDateTime } from '../../../lib/format-time.ts';
import { visuallyHidden } from '../../../lib/visually-hidden.ts';
import { usePayment } from '../api/get-payment.ts';
import { usePaymentEvents } from '../hooks/use-payment-events.ts';
import { SmsFallback } from './sms-fallback.tsx';
import { StatusPanel } from './status-panel.tsx';

function Summary({ payment }: { payment: Payment }) {
  const left = useSecondsUntil(payment.status === 'pending' ? Date.parse(payment.expires_at) : null);
  return (
    <Stack spacing={0.5} sx={{ textAlign: 'center' }}>
      <Typography color="text.secondary">
        To <strong>{payment.payee}</strong>
      </Typography>
      <Typography component="h2" variant="h3" sx={{ fontWeight: 800, fontVariantNumeric: 'tabular-nums' }}>
        {payment.amount_display}
        <Box component="span" sx={visuallyHidden}>{` to ${payment.payee}`}</Box>
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Sent {formatDateTime(payment.created_at)}
        {left !== null && left > 0 && ` · expires in ${formatCountdown(left)}`}
      </Typography>
    </Stack>
  );
}

/** `noPhonePaired`: nothing will ask for an approval, so the text message is the only way, offered at once. */
export function PaymentPage({ paymentId, noPhonePaired = false }: { paymentId: string; noPhonePaired?: boolean }) {
  const payment = usePayment(paymentId);
  const pending = payment.data?.status === 'pending';
  const stream = usePaymentEvents(paymentId, pending);

  const back = (
    <Button component={RouterLink} to="/payments" startIcon={<ArrowBackIcon />} sx={{ alignSelf: 'flex-start' }}>
      All payments
    </Button>
  );

  if (payment.isPending) {
    return (
      <Container component="main" maxWidth="sm" sx={{ py: 3 }}>
        <Skeleton variant="rounded" height={320} aria-label="Loading the payment" />
      </Container>
    );
  }
  if (payment.isError) {
    const missing = isApiError(payment.error) && payment.error.status === 404;
    return (
      <Container component="main" maxWidth="sm" sx={{ py: 3 }}>
        <Stack spacing={2}>
          {back}
          <ErrorAlert
            title={missing ? 'No such payment' : 'Could not load the payment'}
            message={missing ? 'This payment does not exist, or it is not yours.' : undefined}
            error={payment.error}
            onRetry={missing ? undefined : () => void payment.refetch()}
          />
        </Stack>
      </Container>
    );
  }

  return (
    <Container component="main" maxWidth="sm" sx={{ py: 3 }}>
      <Stack spacing={2}>
        {back}
        <Paper variant="outlined" component="section" aria-label="Payment" sx={{ p: { xs: 2, sm: 3 } }}>
          <Stack spacing={3}>
            <Summary payment={payment.data} />
            <StatusPanel payment={payment.data} noPhonePaired={noPhonePaired} />
            {pending && <SmsFallback payment={payment.data} offerNow={noPhonePaired} />}
          </Stack>
          {/* Outside the stack: an empty live region takes no room there. */}
          <Box role="status">
            {pending && stream === 'reconnecting' && (
              <Alert severity="warning" variant="outlined" sx={{ mt: 2 }}>
                Lost the connection to the server — reconnecting… The status updates again once it is back.
              </Alert>
            )}
          </Box>
        </Paper>
      </Stack>
    </Container>
  );
}
