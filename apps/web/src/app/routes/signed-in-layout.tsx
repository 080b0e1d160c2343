/**
 * Every signed-in page: the app bar with the page's name, the user, and the
 * navigation. A "Skip to content" link comes first for keyboard users, and
 * moving to another page puts focus at the start of its content, as a full
 * page load would, rather than leaving it on a link that is gone.
 */
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import FavoriteIcon from '@mui/icons-material/Favorite';
import PaymentsIcon from '@mui/icons-material/Payments';
import SmsIcon from '@mui/icons-material/Sms';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { type ReactNode, Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import type { SessionInfo } from '#contracts/auth.ts';
import { PageProgress } from '../../components/page-progress.tsx';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { MainNav } from '../main-nav.tsx';

function section(pathname: string): { title: string; icon: ReactNode } {
  if (pathname.startsWith('/payments')) return { title: 'Payments', icon: <PaymentsIcon aria-hidden /> };
  if (pathname.startsWith('/account')) return { title: 'Account', icon: <AccountCircleIcon aria-hidden /> };
  if (pathname.startsWith('/outbox')) return { title: 'Outbox', icon: <SmsIcon aria-hidden /> };
  return { title: 'Kudos', icon: <FavoriteIcon aria-hidden /> };
}

export default function SignedInLayout({ session }: { session: SessionInfo }) {
  const { pathname } = useLocation();
  const { title, icon } = section(pathname);
  const content = useRef<HTMLDivElement>(null);
  const shownPath = useRef(pathname);
  useEffect(() => {
    document.title = title === 'Kudos' ? 'Kudos' : `${title} · Kudos`;
  }, [title]);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    content.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <Link
        href="#content"
        onClick={(event) => {
          event.preventDefault();
          content.current?.focus();
        }}
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.appBar + 1,
          p: 1,
          bgcolor: 'background.paper',
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        Skip to content
      </Link>
      <AppBar position="sticky" elevation={1}>
        <Toolbar sx={{ gap: 2 }}>
          {icon}
          <Typography component="h1" variant="h6" sx={{ flexGrow: 1, fontWeight: 700 }}>
            {title}
          </Typography>
          <UserMenu email={session.user.email} />
        </Toolbar>
        <MainNav />
      </AppBar>
      <Box id="content" ref={content} tabIndex={-1} sx={{ outline: 'none' }}>
        <Suspense fallback={<PageProgress inline />}>
          <Outlet />
        </Suspense>
      </Box>
    </>
  );
}
