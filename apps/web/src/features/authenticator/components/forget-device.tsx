/** "Forget this device": deletes the key pair from this browser, after asking. */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useForgetDevice } from '../api/stored-device.ts';

export function ForgetDevice() {
  const forget = useForgetDevice();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="error" onClick={() => setOpen(true)}>
        Forget this device
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="forget-title" aria-describedby="forget-text">
        <DialogTitle id="forget-title">Forget this device?</DialogTitle>
        <DialogContent>
          <DialogContentText id="forget-text">
            Its key is deleted from this browser, so it can no longer approve payments. Revoke it on the Account page too,
            and pair it again whenever you like.
          </DialogContentText>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={() => setOpen(false)} autoFocus>
            Cancel
          </Button>
          <Button color="error" variant="contained" disabled={forget.isPending} onClick={() => forget.mutate(undefined, { onSuccess: () => setOpen(false) })}>
            Forget
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
