/** The heart: gives or removes kudos, pressed when the repository has them. */
import FavoriteIcon from '@mui/icons-material/Favorite';
import FavoriteBorderIcon from '@mui/icons-material/FavoriteBorder';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import { useQuery } from '@tanstack/react-query';
import { kudosQueryOptions } from '../api/get-kudos.ts';
import { useKudoToggle } from '../hooks/use-kudo-toggle.ts';
import type { RepoView } from '../repo-view.ts';

export function KudoButton({ repo }: { repo: RepoView }) {
  const kudoed = useQuery({ ...kudosQueryOptions, select: (kudos) => kudos.some((kudo) => kudo.id === repo.id) });
  const toggle = useKudoToggle(repo);
  const pressed = kudoed.data === true;
  // Until the kudos are known, a heart could only guess; while a request runs, it waits.
  // aria-disabled rather than disabled keeps keyboard focus on the button.
  const disabled = toggle.isPending || !kudoed.isSuccess;

  return (
    <IconButton
      // One name whatever the state; aria-pressed says whether kudos are given (a toggle button's rule).
      aria-label={`Give kudos to ${repo.fullName}`}
      aria-pressed={pressed}
      aria-disabled={disabled}
      aria-busy={toggle.isPending}
      onClick={() => {
        if (!disabled) toggle.mutate(!pressed);
      }}
      sx={{
        flexShrink: 0,
        color: pressed ? 'secondary.main' : 'text.secondary',
        '&[aria-disabled="true"]': { cursor: 'default', opacity: 0.6 },
      }}
    >
      {pressed ? <FavoriteIcon /> : <FavoriteBorderIcon />}
      {toggle.isPending && (
        <CircularProgress size={36} thickness={3} aria-hidden sx={{ position: 'absolute', color: 'secondary.light' }} />
      )}
    </IconButton>
  );
}
