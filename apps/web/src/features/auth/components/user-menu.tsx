/** The signed-in user's email and the way out. */
import LogoutIcon from '@mui/icons-material/Logout';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useNotify } from '../../../components/notifications.tsx';
import { describeError } from '../../../lib/error-message.ts';
import { visuallyHidden } from '../../../lib/visually-hidden.ts';
import { useSignOut } from '../api/sign-out.ts';

export function UserMenu({ email }: { email: string }) {
  const signOut = useSignOut();
  const notify = useNotify();
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minWidth: 0 }}>
      <Typography
        variant="body2"
        title={email}
        sx={{ maxWidth: { xs: 150, sm: 420 }, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        <Box component="span" sx={visuallyHidden}>Signed in as </Box>
        {email}
      </Typography>
      <Button
        color="inherit"
        variant="outlined"
        startIcon={<LogoutIcon />}
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onError: (error) => notify(describeError(error)) })}
        sx={{ flexShrink: 0 }}
      >
        Sign out
      </Button>
    </Stack>
  );
}
