/** Text messages as a list: who to, when, and what they say (codes stand out). */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SmsMessage } from '#contracts/payfriend.ts';
import { useNow } from '../../../hooks/use-now.ts';
import { formatDateTime, formatRelative } from '../../../lib/format-time.ts';

/** The body with 6-digit codes in bold, so they are easy to spot and copy. */
function Body({ text }: { text: string }) {
  const parts = text.split(/(\b\d{6}\b)/);
  return (
    <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Box component="strong" key={index} sx={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: '1.1em', letterSpacing: '0.08em' }}>
            {part}
          </Box>
        ) : (
          part
        ),
      )}
    </Typography>
  );
}

export function SmsList({ messages }: { messages: SmsMessage[] }) {
  const now = useNow();
  return (
    <Stack component="ol" aria-label="Text messages, newest first" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {messages.map((message) => (
        <li key={message.id}>
          <Paper component="article" variant="outlined" sx={{ p: 2 }}>
            <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', flexWrap: 'wrap', mb: 0.5 }}>
              <Typography variant="body2" color="text.secondary">
                To <strong>{message.to_display}</strong>
              </Typography>
              <Typography variant="body2" color="text.secondary" component="time" dateTime={message.created_at} title={formatDateTime(message.created_at)}>
                {formatRelative(message.created_at, now)}
              </Typography>
            </Stack>
            <Body text={message.body} />
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
