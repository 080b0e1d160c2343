/**
 * /authenticator/pair#code=…: makes this browser an authenticator. The code
 * travels in the fragment, so it is never sent in a request line or Referer.
 */
import LinkIcon from '@mui/icons-material/Link';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { TextInput } from '../../../components/text-input.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/error-message.ts';
import { fieldError } from '../../../lib/field-error.ts';
import { usePairDevice } from '../api/pair-device.ts';
import { useStoredDevice } from '../api/stored-device.ts';
import { defaultDeviceName } from '../device-name.ts';
import { canSign } from '../device-signing.ts';
import { AuthenticatorShell } from './authenticator-shell.tsx';
import { SecureContextNeeded } from './secure-context-needed.tsx';

function describePairingError(error: unknown): string {
  if (isApiError(error) && error.code === 'PAIRING_CODE_INVALID') {
    return 'This pairing link has expired or was already used. Make a new one on the Account page and open it again.';
  }
  return `Could not pair this phone. ${describeError(error)}`;
}

export function PairPage() {
  const { hash } = useLocation();
  const navigate = useNavigate();
  const code = new URLSearchParams(hash.slice(1)).get('code') ?? '';
  const stored = useStoredDevice();
  const pair = usePairDevice();
  const [name, setName] = useState(defaultDeviceName);
  const [nameMissing, setNameMissing] = useState(false);

  if (!canSign()) return <AuthenticatorShell><SecureContextNeeded /></AuthenticatorShell>;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pair.isPending) return;
    if (name.trim() === '') {
      setNameMissing(true);
      return;
    }
    pair.mutate({ code, name: name.trim() }, { onSuccess: () => navigate('/authenticator', { replace: true, state: { paired: true } }) });
  }

  const nameProblem = nameMissing ? 'Give this phone a name' : fieldError(pair.error, 'name');
  return (
    <AuthenticatorShell>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack component="form" noValidate onSubmit={submit} spacing={2.5} aria-label="Pair this phone">
          <Typography component="h2" variant="h5" sx={{ fontWeight: 700 }}>
            Pair this phone
          </Typography>
          {code === '' ? (
            <Alert severity="warning" role="alert">
              This pairing link is incomplete. On the Account page, choose “Pair a phone” and open the new link here.
            </Alert>
          ) : (
            <>
              <Typography>
                This phone will show each payment you send and let you approve or deny it. Its key is made here and never
                leaves it.
              </Typography>
              {stored.data && (
                <Alert severity="info">
                  This browser is already paired as “{stored.data.name}” for {stored.data.userEmail}. Pairing again replaces it.
                </Alert>
              )}
              <TextInput
                label="Device name"
                name="device-name"
                value={name}
                onChange={(event) => {
                  setName(event.target.value);
                  setNameMissing(false);
                }}
                error={Boolean(nameProblem)}
                helperText={nameProblem ?? 'So you can tell your devices apart on the Account page'}
                liveHelperText
                inputProps={{ maxLength: 60 }}
                required
                fullWidth
              />
              {pair.isError && !fieldError(pair.error, 'name') && (
                <Alert severity="error" role="alert">
                  {describePairingError(pair.error)}
                </Alert>
              )}
              <Button
                type="submit"
                variant="contained"
                size="large"
                disabled={pair.isPending}
                startIcon={pair.isPending ? <CircularProgress size={18} color="inherit" aria-hidden /> : <LinkIcon />}
              >
                Pair this phone
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </AuthenticatorShell>
  );
}
