/** Says who answered a search: GitHub, our cache, or the local catalog (and why). */
import Alert, { type AlertColor } from '@mui/material/Alert';
import type { SearchResult } from '#contracts/search.ts';
import { describeRetry } from '../../../lib/error-message.ts';

function describeSource(result: SearchResult): { severity: AlertColor; text: string } {
  if (result.source === 'github') return { severity: 'success', text: 'Results from GitHub' };
  if (result.source === 'cache') return { severity: 'info', text: 'Results from GitHub, from cache' };
  if (result.fallback_reason === 'unreachable') {
    return { severity: 'warning', text: 'GitHub unreachable — showing results from the local catalog' };
  }
  if (result.fallback_reason === 'rate_limited') {
    const when = result.retry_after !== null ? ` GitHub can be searched again ${describeRetry(result.retry_after)}.` : '';
    return { severity: 'warning', text: `GitHub rate limit reached — local catalog.${when}` };
  }
  return { severity: 'info', text: 'Results from the local catalog' };
}

export function SourceNotice({ result }: { result: SearchResult }) {
  const { severity, text } = describeSource(result);
  const partial = result.incomplete_results ? ' GitHub ran out of time, so some matches may be missing.' : '';
  return (
    <Alert severity={severity} variant="outlined" role="status" aria-live="polite" sx={{ mb: 2, bgcolor: 'background.paper' }}>
      {text}
      {partial}
    </Alert>
  );
}
