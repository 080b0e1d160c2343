/**
 * /outbox: the local SMS outbox. Without an SMS provider, the messages meant
 * for the account's phone land here; the page looks for new ones every few seconds.
 */
import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Section } from '../../../components/section.tsx';
import { formatTime } from '../../../lib/format-time.ts';
import { OUTBOX_REFRESH_MS, useOutbox } from '../api/get-outbox.ts';
import { SmsList } from './sms-list.tsx';

export function OutboxPage() {
  const outbox = useOutbox();
  const count = outbox.data?.length ?? 0;
  const refresh = (
    <Button
      variant="outlined"
      startIcon={<RefreshIcon />}
      onClick={() => void outbox.refetch()}
      disabled={outbox.isFetching}
    >
      Refresh
    </Button>
  );

  return (
    <Container component="main" maxWidth="md" sx={{ py: 3 }}>
      <Section title="Local SMS outbox" action={refresh}>
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          Text messages are not really sent from this server: everything meant for your phone is kept here instead.
          The list refreshes by itself every {OUTBOX_REFRESH_MS / 1000} seconds.
        </Alert>
        <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 1.5 }}>
          <Typography role="status" color="text.secondary">
            {outbox.isSuccess ? (count === 1 ? '1 message' : `${count} messages`) : ''}
          </Typography>
          {outbox.isSuccess && (
            <Typography variant="body2" color="text.secondary" aria-hidden>
              Updated {formatTime(new Date(outbox.dataUpdatedAt).toISOString())}
            </Typography>
          )}
        </Stack>
        {outbox.isPending && (
          <Box aria-busy>
            <Skeleton variant="rounded" height={80} sx={{ mb: 1.5 }} aria-label="Loading messages" />
            <Skeleton variant="rounded" height={80} />
          </Box>
        )}
        {outbox.isError && <ErrorAlert title="Could not load the outbox" error={outbox.error} onRetry={() => void outbox.refetch()} />}
        {outbox.isSuccess && count === 0 && (
          <Typography sx={{ py: 3, textAlign: 'center' }}>No text messages yet. Codes for your phone number and payments appear here.</Typography>
        )}
        {outbox.isSuccess && count > 0 && <SmsList messages={outbox.data} />}
      </Section>
    </Container>
  );
}
