/** The phone's page: its own app bar, no account navigation (it works without a session). */
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import AppBar from '@mui/material/AppBar';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { type ReactNode, useEffect } from 'react';

export function AuthenticatorShell({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.title = 'Authenticator · Payfriend';
  }, []);
  return (
    <>
      <AppBar position="sticky" elevation={1}>
        <Toolbar sx={{ gap: 1.5 }}>
          <PhonelinkLockIcon aria-hidden />
          <Typography component="h1" variant="h6" sx={{ fontWeight: 700 }}>
            Authenticator
          </Typography>
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="sm" sx={{ py: 3 }}>
        {children}
      </Container>
    </>
  );
}
