/** The page's routes. Home is loaded on demand so /signin stays small. */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { PageProgress } from '../components/page-progress.tsx';
import { RedirectIfSignedIn, RequireSession } from '../features/auth/components/session-gate.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';

const HomeRoute = lazy(() => import('./routes/home.tsx'));

const home = (
  <RequireSession>
    {(session) => (
      <Suspense fallback={<PageProgress />}>
        <HomeRoute session={session} />
      </Suspense>
    )}
  </RequireSession>
);

const signIn = (
  <RedirectIfSignedIn>
    <SignInPage />
  </RedirectIfSignedIn>
);

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={home} />
        <Route path="/signin" element={signIn} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
