/** /account: the phone number payments are confirmed on, and the phones that approve them. */
import Alert from '@mui/material/Alert';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import { useSearchParams } from 'react-router';
import { describeExternalFailure, useAuthProviders } from '../../auth/api/providers.ts';
import { DevicesSection } from './devices-section.tsx';
import { PhoneSection, type RefusedPhone } from './phone-section.tsx';

export function AccountPage({ refusedPhone }: { refusedPhone?: RefusedPhone }) {
  const [address] = useSearchParams();
  const oidc = useAuthProviders().data?.oidc;
  // Back from signing in again at the external issuer, without success.
  const failure = address.get('oidc_error');
  return (
    <Container component="main" maxWidth="md" sx={{ py: 3 }}>
      <Stack spacing={3}>
        {failure && oidc && (
          <Alert severity="warning" role="alert">
            {describeExternalFailure(failure, oidc.name)}
          </Alert>
        )}
        <PhoneSection refused={refusedPhone} />
        <DevicesSection />
      </Stack>
    </Container>
  );
}
