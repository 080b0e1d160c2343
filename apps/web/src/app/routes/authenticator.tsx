/** /authenticator: the phone's approvals page, told whether it was paired just now. */
import { useLocation, useNavigate } from 'react-router';
import { AuthenticatorPage } from '../../features/authenticator/components/authenticator-page.tsx';

export default function AuthenticatorRoute() {
  const state = useLocation().state as { paired?: boolean } | null;
  const navigate = useNavigate();
  return <AuthenticatorPage justPaired={state?.paired === true} onDismissPaired={() => navigate('/authenticator', { replace: true })} />;
}
