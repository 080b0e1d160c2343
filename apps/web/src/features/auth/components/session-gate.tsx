/**
 * Routes that need a signed-in user (RequireSession) and routes that make no
 * sense with one (RedirectIfSignedIn). Both wait for the answer to "who am I".
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { SessionInfo } from '#contracts/auth.ts';
import { PageProgress } from '../../../components/page-progress.tsx';
import { describeError } from '../../../lib/error-message.ts';
import { useSession } from '../api/session.ts';
import { type AfterSignIn, afterSignInKey } from '../api/sign-in.ts';

function SessionError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={retry}>
            Retry
          </Button>
        }
      >
        Could not check whether you are signed in. {describeError(error)}
      </Alert>
    </Box>
  );
}

export function RequireSession({ children }: { children: (session: SessionInfo) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageProgress />;
  if (session.isError) return <SessionError error={session.error} retry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  return children(session.data);
}

export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const next = session.data ? queryClient.getQueryData<AfterSignIn>(afterSignInKey) : undefined;
  // Used once: a later visit to /signin goes to the usual place.
  useEffect(() => {
    if (next) queryClient.removeQueries({ queryKey: afterSignInKey, exact: true });
  }, [next, queryClient]);
  if (session.isPending) return <PageProgress />;
  if (next) return <Navigate to={next.to} state={next.state} replace />;
  if (session.data) {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={typeof from === 'string' && from.startsWith('/') ? from : '/'} replace />;
  }
  // A failed check still lets the person sign in.
  return children;
}
