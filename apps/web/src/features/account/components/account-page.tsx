/** /account: the phone number payments are confirmed on, and the phones that approve them. */
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import { DevicesSection } from './devices-section.tsx';
import { PhoneSection, type RefusedPhone } from './phone-section.tsx';

export function AccountPage({ refusedPhone }: { refusedPhone?: RefusedPhone }) {
  return (
    <Container component="main" maxWidth="md" sx={{ py: 3 }}>
      <Stack spacing={3}>
        <PhoneSection refused={refusedPhone} />
        <DevicesSection />
      </Stack>
    </Container>
  );
}
