/** /payments: send money, and the payments sent so far. */
import Alert from '@mui/material/Alert';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Section } from '../../../components/section.tsx';
import { PaymentForm } from './payment-form.tsx';
import { PaymentsList } from './payments-list.tsx';

/** `phoneVerified`: undefined while unknown; payments need a verified phone. */
export function PaymentsPage({ phoneVerified }: { phoneVerified: boolean | undefined }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  return (
    <Container component="main" maxWidth="md" sx={{ py: 3 }}>
      <Stack spacing={3}>
        <Section title="Send money" description="You approve each payment on your paired phone, or with a code sent by text message.">
          {phoneVerified === false && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              Payments are confirmed on your phone, and you have no verified phone number yet.{' '}
              <Link component={RouterLink} to="/account" sx={{ fontWeight: 600 }}>
                Add and verify it on the Account page
              </Link>
              .
            </Alert>
          )}
          <PaymentForm disabled={phoneVerified === false} />
        </Section>
        <Section title="Your payments">
          <PaymentsList
            page={page}
            onPage={(next) =>
              setParams((current) => {
                const updated = new URLSearchParams(current);
                updated.set('page', String(next));
                return updated;
              })
            }
          />
        </Section>
      </Stack>
    </Container>
  );
}
