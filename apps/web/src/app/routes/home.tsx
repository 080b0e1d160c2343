/** The signed-in home page: app bar over the kudos feature. Loaded on demand. */
import FavoriteIcon from '@mui/icons-material/Favorite';
import AppBar from '@mui/material/AppBar';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { SessionInfo } from '#contracts/auth.ts';
import { UserMenu } from '../../features/auth/components/user-menu.tsx';
import { KudosHome } from '../../features/kudos/components/kudos-home.tsx';

export default function HomeRoute({ session }: { session: SessionInfo }) {
  return (
    <>
      <AppBar position="sticky" elevation={1}>
        <Toolbar sx={{ gap: 2 }}>
          <FavoriteIcon aria-hidden />
          <Typography component="h1" variant="h6" sx={{ flexGrow: 1, fontWeight: 700 }}>
            Kudos
          </Typography>
          <UserMenu email={session.user.email} />
        </Toolbar>
      </AppBar>
      <KudosHome />
    </>
  );
}
