/** Asks before a device is revoked: it stops approving payments at once. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { Device } from '#contracts/payfriend.ts';
import { describeError } from '../../../lib/error-message.ts';

interface RevokeDialogProps {
  device: Device | null;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RevokeDialog({ device, pending, error, onConfirm, onCancel }: RevokeDialogProps) {
  return (
    <Dialog open={device !== null} onClose={onCancel} aria-labelledby="revoke-title" aria-describedby="revoke-text">
      <DialogTitle id="revoke-title">Revoke “{device?.name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText id="revoke-text">
          It will no longer be able to approve your payments. To use it again, pair it anew.
        </DialogContentText>
        {error ? <Alert severity="error" role="alert" sx={{ mt: 2 }}>{describeError(error)}</Alert> : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button
          color="error"
          variant="contained"
          disabled={pending}
          onClick={onConfirm}
          startIcon={pending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
        >
          Revoke
        </Button>
      </DialogActions>
    </Dialog>
  );
}
