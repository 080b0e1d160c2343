import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';

/** WebCrypto and IndexedDB keys need https (or localhost): say so instead of failing later. */
export function SecureContextNeeded() {
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>This page needs a secure connection</AlertTitle>
      The authenticator keeps its key with the browser’s cryptography, which works only over https. Open the pairing
      link with an https address.
    </Alert>
  );
}
