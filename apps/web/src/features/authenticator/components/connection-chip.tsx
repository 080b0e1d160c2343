/** Whether new requests arrive at once (live) or by asking every few seconds. */
import Chip from '@mui/material/Chip';
import { type FeedMode, POLL_MS } from '../approval-feed.ts';

const LOOK = {
  connecting: { label: 'Connecting…', color: 'default' },
  live: { label: 'Live', color: 'success' },
  polling: { label: `Reconnecting… checking every ${POLL_MS / 1000} s`, color: 'warning' },
} as const;

export function ConnectionChip({ mode }: { mode: FeedMode }) {
  const { label, color } = LOOK[mode];
  return <Chip size="small" label={label} color={color} variant={mode === 'live' ? 'filled' : 'outlined'} />;
}
