/** The user's payments, newest first, a page at a time; each links to its own page. */
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Pagination from '@mui/material/Pagination';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format-time.ts';
import { PAYMENTS_PER_PAGE, usePayments } from '../api/get-payments.ts';
import { StatusChip } from './status-chip.tsx';

export function PaymentsList({ page, onPage }: { page: number; onPage: (page: number) => void }) {
  const payments = usePayments(page);
  if (payments.isPending) return <Skeleton variant="rounded" height={120} aria-label="Loading your payments" />;
  if (payments.isError) return <ErrorAlert title="Could not load your payments" error={payments.error} onRetry={() => void payments.refetch()} />;

  const { items, total } = payments.data;
  const pages = Math.max(1, Math.ceil(total / PAYMENTS_PER_PAGE));
  if (total === 0) return <Typography color="text.secondary">No payments yet. The ones you send appear here.</Typography>;
  return (
    <Box aria-busy={payments.isFetching}>
      {payments.isPlaceholderData && <LinearProgress aria-label="Loading the page" sx={{ mb: 1 }} />}
      <List aria-label="Your payments, newest first" disablePadding sx={{ border: 1, borderColor: 'divider', borderRadius: 2, overflow: 'hidden' }}>
        {items.map((payment, index) => (
          <ListItemButton key={payment.id} component={RouterLink} to={`/payments/${encodeURIComponent(payment.id)}`} divider={index < items.length - 1}>
            <ListItemText
              primary={`To ${payment.payee}`}
              secondary={formatDateTime(payment.created_at)}
              slotProps={{ primary: { sx: { fontWeight: 600, overflowWrap: 'anywhere' } } }}
            />
            <Stack spacing={0.5} sx={{ alignItems: 'flex-end', flexShrink: 0, ml: 2 }}>
              <Typography sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>{payment.amount_display}</Typography>
              <StatusChip status={payment.status} />
            </Stack>
          </ListItemButton>
        ))}
      </List>
      {pages > 1 && (
        <Pagination
          count={pages}
          page={page}
          onChange={(_event, next) => onPage(next)}
          color="primary"
          sx={{ mt: 2, display: 'flex', justifyContent: 'center' }}
        />
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1, textAlign: 'center' }}>
        {total === 1 ? '1 payment' : `${total} payments`}
      </Typography>
    </Box>
  );
}
