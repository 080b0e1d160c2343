/**
 * The page's routes. Every page is loaded on demand so /signin and the
 * authenticator stay small. Signed-in pages share one layout (app bar and
 * navigation); the authenticator works without a session.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { PageProgress } from '../components/page-progress.tsx';
import { RedirectIfSignedIn, RequireSession } from '../features/auth/components/session-gate.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';

const SignedInLayout = lazy(() => import('./routes/signed-in-layout.tsx'));
const HomeRoute = lazy(() => import('./routes/home.tsx'));
const PaymentsRoute = lazy(() => import('./routes/payments.tsx'));
const PaymentRoute = lazy(() => import('./routes/payment.tsx'));
const AccountRoute = lazy(() => import('./routes/account.tsx'));
const OutboxRoute = lazy(() => import('./routes/outbox.tsx'));
const AuthenticatorRoute = lazy(() => import('./routes/authenticator.tsx'));
const PairRoute = lazy(() => import('./routes/authenticator-pair.tsx'));

const signedIn = (
  <RequireSession>
    {(session) => (
      <Suspense fallback={<PageProgress />}>
        <SignedInLayout session={session} />
      </Suspense>
    )}
  </RequireSession>
);

const signIn = (
  <RedirectIfSignedIn>
    <SignInPage />
  </RedirectIfSignedIn>
);

const onDemand = (page: ReactNode) => <Suspense fallback={<PageProgress />}>{page}</Suspense>;

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={signedIn}>
          <Route path="/" element={<HomeRoute />} />
          <Route path="/payments" element={<PaymentsRoute />} />
          <Route path="/payments/:paymentId" element={<PaymentRoute />} />
          <Route path="/account" element={<AccountRoute />} />
          <Route path="/outbox" element={<OutboxRoute />} />
        </Route>
        <Route path="/signin" element={signIn} />
        <Route path="/authenticator" element={onDemand(<AuthenticatorRoute />)} />
        <Route path="/authenticator/pair" element={onDemand(<PairRoute />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
