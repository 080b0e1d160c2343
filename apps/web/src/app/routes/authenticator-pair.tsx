import { PairPage } from '../../features/authenticator/components/pair-page.tsx';

export default function PairRoute() {
  return <PairPage />;
}
