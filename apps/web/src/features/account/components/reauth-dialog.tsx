/**
 * "Enter your password again": pairing a phone needs a recent sign-in. An
 * account that signs in through the external issuer signs in there again.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { type FormEvent, useState } from 'react';
import { TextInput } from '../../../components/text-input.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/error-message.ts';
import { externalSignInUrl, useAuthProviders } from '../../auth/api/providers.ts';
import { useSession } from '../../auth/api/session.ts';

interface ReauthDialogProps {
  open: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (password: string) => void;
  onCancel: () => void;
}

export function ReauthDialog({ open, onCancel, ...form }: ReauthDialogProps) {
  const session = useSession();
  const oidc = useAuthProviders().data?.oidc;
  const external = session.data?.reauth_with === 'oidc' && oidc;
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="reauth-title" aria-describedby="reauth-text">
      {/* Mounted only while open: the password is gone once the dialog closes. */}
      {external ? <ExternalReauth name={oidc.name} loginUrl={oidc.login_url} onCancel={onCancel} /> : <ReauthForm onCancel={onCancel} {...form} />}
    </Dialog>
  );
}

function ExternalReauth({ name, loginUrl, onCancel }: { name: string; loginUrl: string; onCancel: () => void }) {
  return (
    <>
      <DialogTitle id="reauth-title">Sign in again with {name}</DialogTitle>
      <DialogContent>
        <DialogContentText id="reauth-text">
          Pairing a phone lets it approve payments, so {name} asks you to sign in once more. You will come back to this page;
          then choose “Pair a phone” again.
        </DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="contained" href={externalSignInUrl(loginUrl, { returnTo: '/account', reauth: true })}>
          Continue to {name}
        </Button>
      </DialogActions>
    </>
  );
}

function ReauthForm({ pending, error, onConfirm, onCancel }: Omit<ReauthDialogProps, 'open'>) {
  const [password, setPassword] = useState('');
  const wrong = isApiError(error) && error.status === 401;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password === '' || pending) return;
    onConfirm(password);
  }

  return (
    <form noValidate onSubmit={submit}>
      <DialogTitle id="reauth-title">Confirm your password</DialogTitle>
      <DialogContent>
        <DialogContentText id="reauth-text" sx={{ mb: 2 }}>
          Pairing a phone lets it approve payments, so we ask for your password once more.
        </DialogContentText>
        <TextInput
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={wrong}
          helperText={wrong ? 'That password is not right' : 'The password you sign in with'}
          liveHelperText
          fullWidth
          required
          autoFocus
        />
        {error && !wrong ? <Alert severity="error" role="alert" sx={{ mt: 2 }}>{describeError(error)}</Alert> : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          type="submit"
          variant="contained"
          disabled={pending || password === ''}
          startIcon={pending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
        >
          Confirm
        </Button>
      </DialogActions>
    </form>
  );
}
