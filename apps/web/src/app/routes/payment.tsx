/** /payments/:paymentId: a fresh page per payment, so nothing of another one carries over; told by the account whether a phone is paired. */
import { useParams } from 'react-router';
import { useDevices } from '../../features/account/api/get-devices.ts';
import { PaymentPage } from '../../features/payments/components/payment-page.tsx';

export default function PaymentRoute() {
  const { paymentId = '' } = useParams();
  const devices = useDevices();
  return <PaymentPage key={paymentId} paymentId={paymentId} noPhonePaired={devices.data?.length === 0} />;
}
