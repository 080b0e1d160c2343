/** One repository: its name linking to GitHub, what it is, and the heart. */
import StarBorderIcon from '@mui/icons-material/StarBorder';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { withEmoji } from '../../../lib/emoji-shortcodes.ts';
import { visuallyHidden } from '../../../lib/visually-hidden.ts';
import { languageColor } from '../language-colors.ts';
import type { RepoView } from '../repo-view.ts';
import { KudoButton } from './kudo-button.tsx';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const exact = new Intl.NumberFormat('en');

function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function RepoCard({ repo }: { repo: RepoView }) {
  const titleId = `repo-${repo.id}-title`;
  return (
    <Card variant="outlined" component="article" aria-labelledby={titleId} sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1, pb: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Typography id={titleId} component="h3" variant="subtitle1" sx={{ flexGrow: 1, minWidth: 0, fontWeight: 600, overflowWrap: 'anywhere', pt: 0.75 }}>
            {isWebLink(repo.url) ? (
              <Link href={repo.url} target="_blank" rel="noopener noreferrer" underline="hover">
                {repo.fullName}
                <Box component="span" sx={visuallyHidden}> (opens in a new tab)</Box>
              </Link>
            ) : (
              repo.fullName
            )}
          </Typography>
          <KudoButton repo={repo} />
        </Stack>
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ mt: 0.5, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }}
        >
          {repo.description ? withEmoji(repo.description) : 'No description'}
        </Typography>
      </CardContent>
      <Stack direction="row" spacing={2} sx={{ px: 2, pb: 2, color: 'text.secondary', alignItems: 'center' }}>
        {repo.language && (
          <Typography variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: languageColor(repo.language), border: '1px solid rgba(0, 0, 0, 0.15)' }} />
            <Box component="span" sx={visuallyHidden}>Language: </Box>
            {repo.language}
          </Typography>
        )}
        {repo.stars !== null && (
          <Typography variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <StarBorderIcon fontSize="small" aria-hidden />
            <span aria-hidden>{compact.format(repo.stars)}</span>
            <Box component="span" sx={visuallyHidden}>{`${exact.format(repo.stars)} stars`}</Box>
          </Typography>
        )}
      </Stack>
    </Card>
  );
}
