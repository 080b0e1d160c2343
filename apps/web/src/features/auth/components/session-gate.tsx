/**
 * Routes that need a signed-in user (RequireSession) and routes that make no
 * sense with one (RedirectIfSignedIn). Both wait for the answer to "who am I".
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { SessionInfo } from '#contracts/auth.ts';
import { PageProgress } from '../../../components/page-progress.tsx';
import { describeError } from '../../../lib/error-message.ts';
import { useSession } from '../api/session.ts';

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
  if (session.isPending) return <PageProgress />;
  if (session.data) {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={typeof from === 'string' && from.startsWith('/') ? from : '/'} replace />;
  }
  // A failed check still lets the person sign in.
  return children;
}
