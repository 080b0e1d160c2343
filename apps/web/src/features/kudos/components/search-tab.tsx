/** The Search tab: one page of results for the last search, with the source that answered. */
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Pagination from '@mui/material/Pagination';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { describeRetry } from '../../../lib/error-message.ts';
import { SEARCH_MAX_RESULTS, SEARCH_PER_PAGE, type SearchParams, useRepoSearch } from '../api/search-repos.ts';
import { fromSearch } from '../repo-view.ts';
import { RepoGrid, RepoGridSkeleton } from './repo-grid.tsx';
import { SourceNotice } from './source-notice.tsx';

const plural = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'repository' : 'repositories'}`;

function describeSearchError(error: unknown, q: string): { title: string; message?: string } {
  if (!isApiError(error)) return { title: 'The search failed' };
  if (error.offline) return { title: 'You are offline' };
  if (error.status === 429) {
    const when = error.retryAfter !== null ? describeRetry(error.retryAfter) : 'in a little while';
    return {
      title: 'GitHub rate limit reached',
      message: `GitHub allows only a few searches a minute, and the local catalog has nothing for “${q}”. Try again ${when}.`,
    };
  }
  if (error.status === 422) return { title: 'GitHub cannot search for that' };
  return { title: 'The search failed' };
}

export function SearchTab({ params, onPage }: { params: SearchParams | null; onPage: (page: number) => void }) {
  const search = useRepoSearch(params);
  if (!params) {
    return (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
        <Typography>Search GitHub above, then tap a heart to give kudos.</Typography>
      </Paper>
    );
  }
  if (search.isPending) return <RepoGridSkeleton label={`Searching for ${params.q}`} />;
  if (search.isError) {
    const { title, message } = describeSearchError(search.error, params.q);
    return <ErrorAlert title={title} message={message} error={search.error} onRetry={() => void search.refetch()} />;
  }

  const result = search.data;
  const pages = Math.ceil(Math.min(result.total_count, SEARCH_MAX_RESULTS) / SEARCH_PER_PAGE);
  return (
    <Box aria-busy={search.isFetching}>
      <SourceNotice result={result} />
      {search.isFetching && <LinearProgress aria-label="Searching" sx={{ mb: 1 }} />}
      {result.items.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <Typography>No repositories match “{params.q}”.</Typography>
          {result.source === 'catalog' && (
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              The local catalog knows only repositories this site has seen in GitHub’s answers or has imported
              (<code>npm run catalog:import</code>).
            </Typography>
          )}
        </Paper>
      ) : (
        <>
          <Typography color="text.secondary" sx={{ mb: 1.5 }}>
            {plural(result.total_count)} found for “{params.q}”, best matches first
          </Typography>
          <RepoGrid repos={result.items.map(fromSearch)} label={`Search results for ${params.q}`} />
        </>
      )}
      {pages > 1 && (
        <Pagination
          count={pages}
          page={params.page}
          onChange={(_event, page) => onPage(page)}
          color="primary"
          sx={{ mt: 3, display: 'flex', justifyContent: 'center' }}
        />
      )}
    </Box>
  );
}
