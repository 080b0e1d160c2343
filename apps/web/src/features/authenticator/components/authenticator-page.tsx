/** /authenticator: this phone's payment approvals, or how to pair it. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format-time.ts';
import { useStoredDevice } from '../api/stored-device.ts';
import { canSign } from '../device-signing.ts';
import { ApprovalsList } from './approvals-list.tsx';
import { AuthenticatorShell } from './authenticator-shell.tsx';
import { ForgetDevice } from './forget-device.tsx';
import { NotPaired } from './not-paired.tsx';
import { SecureContextNeeded } from './secure-context-needed.tsx';

interface AuthenticatorPageProps {
  justPaired?: boolean;
  onDismissPaired?: () => void;
}

export function AuthenticatorPage({ justPaired = false, onDismissPaired }: AuthenticatorPageProps) {
  const stored = useStoredDevice();
  if (!canSign()) return <AuthenticatorShell><SecureContextNeeded /></AuthenticatorShell>;

  function body() {
    if (stored.isPending) return <Skeleton variant="rounded" height={160} aria-label="Looking for this device’s key" />;
    if (stored.isError) return <ErrorAlert title="Could not read this device’s key" error={stored.error} onRetry={() => void stored.refetch()} />;
    const device = stored.data;
    if (!device) return <NotPaired />;
    return (
      <Stack spacing={3}>
        {/* Always there, so the greeting is announced; while empty it takes no room in the column. */}
        <Box role="status" sx={{ '&:empty': { display: 'block', height: 0, mb: -3 } }}>
          {justPaired && (
            <Alert severity="success" variant="filled" onClose={onDismissPaired}>
              Paired! This phone now approves payments for {device.userEmail}.
            </Alert>
          )}
        </Box>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{device.name}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            Paired with {device.userEmail} on {formatDateTime(device.pairedAt)}
          </Typography>
        </Paper>
        <ApprovalsList key={device.deviceId} device={device} />
        <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
          <ForgetDevice />
        </Stack>
      </Stack>
    );
  }

  return <AuthenticatorShell>{body()}</AuthenticatorShell>;
}
