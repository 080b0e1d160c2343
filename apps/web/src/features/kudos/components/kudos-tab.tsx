/**
 * The Kudos tab: every repository the user gave kudos to, newest first. A
 * card un-kudoed here leaves the list, and its heart with it: focus moves to
 * the count above the list (which says how many are left) instead of being lost.
 */
import FavoriteBorderIcon from '@mui/icons-material/FavoriteBorder';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useKudos } from '../api/get-kudos.ts';
import { fromKudo } from '../repo-view.ts';
import { RepoGrid, RepoGridSkeleton } from './repo-grid.tsx';

export function KudosTab() {
  const kudos = useKudos();
  const count = kudos.data?.length ?? 0;
  const countLine = useRef<HTMLDivElement>(null);
  const previousCount = useRef(count);
  useEffect(() => {
    const shrank = count < previousCount.current;
    previousCount.current = count;
    if (shrank && (document.activeElement === document.body || document.activeElement === null)) countLine.current?.focus();
  }, [count]);
  if (kudos.isPending) return <RepoGridSkeleton label="Loading your kudos" count={3} />;
  if (kudos.isError) return <ErrorAlert title="Could not load your kudos" error={kudos.error} onRetry={() => void kudos.refetch()} />;
  if (kudos.data.length === 0) {
    return (
      <Paper ref={countLine} tabIndex={-1} variant="outlined" sx={{ p: 4, textAlign: 'center', outline: 'none' }}>
        <FavoriteBorderIcon color="secondary" sx={{ fontSize: 40 }} aria-hidden />
        <Typography variant="h6" component="p">
          No kudos yet — search and tap the heart
        </Typography>
        <Typography color="text.secondary">Repositories you give kudos to are kept here.</Typography>
      </Paper>
    );
  }
  return (
    <>
      <Typography ref={countLine} component="div" tabIndex={-1} role="status" color="text.secondary" sx={{ mb: 1.5, outline: 'none' }}>
        {count === 1 ? '1 repository' : `${count} repositories`}
      </Typography>
      <RepoGrid repos={kudos.data.map(fromKudo)} label="Your kudos" />
    </>
  );
}
