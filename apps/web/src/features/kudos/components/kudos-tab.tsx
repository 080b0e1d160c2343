/** The Kudos tab: every repository the user gave kudos to, newest first. */
import FavoriteBorderIcon from '@mui/icons-material/FavoriteBorder';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useKudos } from '../api/get-kudos.ts';
import { fromKudo } from '../repo-view.ts';
import { RepoGrid, RepoGridSkeleton } from './repo-grid.tsx';

export function KudosTab() {
  const kudos = useKudos();
  if (kudos.isPending) return <RepoGridSkeleton label="Loading your kudos" count={3} />;
  if (kudos.isError) return <ErrorAlert title="Could not load your kudos" error={kudos.error} onRetry={() => void kudos.refetch()} />;
  if (kudos.data.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
        <FavoriteBorderIcon color="secondary" sx={{ fontSize: 40 }} aria-hidden />
        <Typography variant="h6" component="p">
          No kudos yet — search and tap the heart
        </Typography>
        <Typography color="text.secondary">Repositories you give kudos to are kept here.</Typography>
      </Paper>
    );
  }
  const count = kudos.data.length;
  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        {count === 1 ? '1 repository' : `${count} repositories`}
      </Typography>
      <RepoGrid repos={kudos.data.map(fromKudo)} label="Your kudos" />
    </>
  );
}
