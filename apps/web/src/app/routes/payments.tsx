/** /payments, told by the account whether the phone payments need is verified. */
import { usePhone } from '../../features/account/api/get-phone.ts';
import { PaymentsPage } from '../../features/payments/components/payments-page.tsx';

export default function PaymentsRoute() {
  const phone = usePhone();
  return <PaymentsPage phoneVerified={phone.data?.verified} />;
}
