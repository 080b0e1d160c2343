/** /signin: one page to sign in or create an account. */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SignInMode } from '../api/sign-in.ts';
import { CredentialsForm } from './credentials-form.tsx';
import { ExternalSignIn } from './external-sign-in.tsx';

export function SignInPage() {
  const [mode, setMode] = useState<SignInMode>('signin');
  return (
    // Anchored near the top, not centred: the card keeps its place when switching between its two forms.
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'start center', px: 2, pt: { xs: 4, sm: '10vh' }, pb: 4 }}>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 420, p: { xs: 3, sm: 4 } }}>
        <Typography component="h1" variant="h4" sx={{ fontWeight: 700 }}>
          Kudos
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          Keep the GitHub repositories you like in one place, and send money to friends.
        </Typography>
        <Tabs value={mode} onChange={(_event, value: SignInMode) => setMode(value)} variant="fullWidth" sx={{ mb: 3 }}>
          <Tab label="Sign in" value="signin" id="auth-tab-signin" aria-controls="auth-panel" />
          <Tab label="Create account" value="register" id="auth-tab-register" aria-controls="auth-panel" />
        </Tabs>
        <div role="tabpanel" id="auth-panel" aria-labelledby={`auth-tab-${mode}`}>
          {/* A new form per mode: the other mode's errors and pending state do not carry over. */}
          <CredentialsForm key={mode} mode={mode} />
        </div>
        <ExternalSignIn />
      </Paper>
    </Box>
  );
}
