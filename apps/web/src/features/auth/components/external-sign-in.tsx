/**
 * "Sign in with …" when the site trusts an external OpenID Connect issuer,
 * and what went wrong if the way back from it ended in ?oidc_error=.
 */
import LoginIcon from '@mui/icons-material/Login';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { useLocation, useSearchParams } from 'react-router';
import { describeExternalFailure, externalSignInUrl, useAuthProviders } from '../api/providers.ts';

export function ExternalSignIn() {
  const providers = useAuthProviders();
  const [address] = useSearchParams();
  const location = useLocation();
  const oidc = providers.data?.oidc;
  if (!oidc) return null;
  const failure = address.get('oidc_error');
  const from = (location.state as { from?: unknown } | null)?.from;
  const returnTo = typeof from === 'string' && from.startsWith('/') ? from : '/';
  return (
    <Stack spacing={2} sx={{ mt: 3 }}>
      <Divider>or</Divider>
      {failure && (
        <Alert severity="warning" role="alert">
          {describeExternalFailure(failure, oidc.name)}
        </Alert>
      )}
      <Button variant="outlined" size="large" startIcon={<LoginIcon />} href={externalSignInUrl(oidc.login_url, { returnTo })} fullWidth>
        Sign in with {oidc.name}
      </Button>
    </Stack>
  );
}
