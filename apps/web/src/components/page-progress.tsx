import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';

/** A whole page (or, inline, the part under the app bar) still on its way. */
export function PageProgress({ label = 'Loading', inline = false }: { label?: string; inline?: boolean }) {
  return (
    <Box role="status" sx={{ minHeight: inline ? 240 : '100vh', display: 'grid', placeItems: 'center' }}>
      <CircularProgress aria-label={label} />
    </Box>
  );
}
