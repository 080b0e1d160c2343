/** /payments/:paymentId: a fresh page per payment, so nothing of another one carries over. */
import { useParams } from 'react-router';
import { PaymentPage } from '../../features/payments/components/payment-page.tsx';

export default function PaymentRoute() {
  const { paymentId = '' } = useParams();
  return <PaymentPage key={paymentId} paymentId={paymentId} />;
}
