/** Authenticator devices: the paired phones, revoking one, and pairing a new one. */
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Device } from '#contracts/payfriend.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Section } from '../../../components/section.tsx';
import { describeError } from '../../../lib/error-message.ts';
import { useDevices } from '../api/get-devices.ts';
import { useRevokeDevice } from '../api/revoke-device.ts';
import { usePairing } from '../hooks/use-pairing.ts';
import { DeviceList } from './device-list.tsx';
import { PairingPanel } from './pairing-panel.tsx';
import { ReauthDialog } from './reauth-dialog.tsx';
import { RevokeDialog } from './revoke-dialog.tsx';

export function DevicesSection() {
  const pairing = usePairing();
  // The devices there were when the link was made: a new one means the phone has paired.
  const [before, setBefore] = useState<string[] | null>(null);
  const [watching, setWatching] = useState(false);
  const devices = useDevices({ watchUntil: watching && pairing.pairing ? Date.parse(pairing.pairing.expires_at) : null });
  const revoke = useRevokeDevice();
  const [revoking, setRevoking] = useState<Device | null>(null);
  const paired = before ? devices.data?.find((device) => !before.includes(device.id)) : undefined;
  if (paired && watching) setWatching(false);

  function startPairing() {
    setBefore(devices.data?.map((device) => device.id) ?? []);
    setWatching(true);
    pairing.start();
  }

  const pairButton = (
    <Button
      variant="contained"
      startIcon={pairing.creating ? <CircularProgress size={18} color="inherit" aria-hidden /> : <AddIcon />}
      disabled={pairing.creating}
      onClick={startPairing}
    >
      Pair a phone
    </Button>
  );

  return (
    <Section title="Authenticator devices" action={pairButton} description="Phones that approve the payments you send, with a tap.">
      <Stack spacing={2}>
        <div role="status">
          {paired && (
            <Alert
              severity="success"
              onClose={() => {
                setBefore(null);
                pairing.close();
              }}
            >
              “{paired.name}” is paired. It will ask you to approve each payment you send.
            </Alert>
          )}
        </div>
        {pairing.pairing && !paired && (
          <PairingPanel pairing={pairing.pairing} onRenew={startPairing} onClose={pairing.close} />
        )}
        {pairing.error ? <Alert severity="error" role="alert">Could not make a pairing link. {describeError(pairing.error)}</Alert> : null}
        {devices.isPending && <Skeleton variant="rounded" height={72} aria-label="Loading your devices" />}
        {devices.isError && <ErrorAlert title="Could not load your devices" error={devices.error} onRetry={() => void devices.refetch()} />}
        {devices.isSuccess && devices.data.length === 0 && (
          <Typography color="text.secondary">No phone is paired yet. Pair one to approve payments without waiting for a text message.</Typography>
        )}
        {devices.isSuccess && devices.data.length > 0 && <DeviceList devices={devices.data} onRevoke={setRevoking} />}
      </Stack>
      <ReauthDialog
        open={pairing.passwordNeeded}
        pending={pairing.confirmPassword.isPending}
        error={pairing.confirmPassword.error}
        onConfirm={(password) => pairing.confirmPassword.mutate(password)}
        onCancel={pairing.cancelPassword}
      />
      <RevokeDialog
        device={revoking}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </Section>
  );
}
