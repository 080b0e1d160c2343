import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';

/** A whole page still on its way. */
export function PageProgress({ label = 'Loading' }: { label?: string }) {
  return (
    <Box role="status" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <CircularProgress aria-label={label} />
    </Box>
  );
}
