/** /account, with what registration left to do: a phone number it could not save. */
import { useLocation } from 'react-router';
import { AccountPage } from '../../features/account/components/account-page.tsx';
import type { RegisteredPhone } from '../../features/auth/api/sign-in.ts';

export default function AccountRoute() {
  const state = useLocation().state as RegisteredPhone | null;
  const refused = state?.refused ? { phone: state.phone, message: state.refused } : undefined;
  return <AccountPage refusedPhone={refused} />;
}
