/** "Enter your password again": pairing a phone needs a recent sign-in. */
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

interface ReauthDialogProps {
  open: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (password: string) => void;
  onCancel: () => void;
}

export function ReauthDialog({ open, onCancel, ...form }: ReauthDialogProps) {
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="reauth-title" aria-describedby="reauth-text">
      {/* Mounted only while open: the password is gone once the dialog closes. */}
      <ReauthForm onCancel={onCancel} {...form} />
    </Dialog>
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
