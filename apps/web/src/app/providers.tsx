/** Everything the page needs around it: theme, notifications, data cache. */
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { NotificationsProvider, useNotify } from '../components/notifications.tsx';
import { clearSession, sessionQueryKey } from '../features/auth/api/session.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { theme } from './theme.ts';

function QueryProvider({ children }: { children: ReactNode }) {
  const notify = useNotify();
  // Any 401 means the session is gone; clearing it sends the page back to /signin.
  const [queryClient] = useState(() => {
    const client = createQueryClient(() => {
      if (!client.getQueryData(sessionQueryKey)) return;
      clearSession(client);
      notify('Your session has ended. Please sign in again.', 'info');
    });
    return client;
  });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotificationsProvider>
        <QueryProvider>{children}</QueryProvider>
      </NotificationsProvider>
    </ThemeProvider>
  );
}
