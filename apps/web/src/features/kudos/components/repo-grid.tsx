/** Cards in a responsive grid, as a list screen readers can count. */
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import { visuallyHidden } from '../../../lib/visually-hidden.ts';
import type { RepoView } from '../repo-view.ts';
import { RepoCard } from './repo-card.tsx';

const gridSx = {
  listStyle: 'none',
  p: 0,
  m: 0,
  display: 'grid',
  gap: 2,
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))',
} as const;

export function RepoGrid({ repos, label }: { repos: RepoView[]; label: string }) {
  return (
    <Box component="ul" aria-label={label} sx={gridSx}>
      {repos.map((repo) => (
        <li key={repo.id}>
          <RepoCard repo={repo} />
        </li>
      ))}
    </Box>
  );
}

export function RepoGridSkeleton({ label, count = 6 }: { label: string; count?: number }) {
  return (
    <Box role="status" aria-busy>
      <Box component="span" sx={visuallyHidden}>{label}</Box>
      <Box sx={gridSx} aria-hidden>
        {Array.from({ length: count }, (_, index) => (
          <Card key={index} variant="outlined">
            <CardContent>
              <Skeleton variant="text" width="60%" height={32} />
              <Skeleton variant="text" />
              <Skeleton variant="text" width="80%" />
              <Skeleton variant="text" width="30%" />
            </CardContent>
          </Card>
        ))}
      </Box>
    </Box>
  );
}
