/** What to do when this browser is not an authenticator yet. */
import PhonelinkSetupIcon from '@mui/icons-material/PhonelinkSetup';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export function NotPaired() {
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <PhonelinkSetupIcon color="primary" sx={{ fontSize: 48 }} aria-hidden />
        <Typography component="h2" variant="h5" sx={{ fontWeight: 700 }}>
          This phone is not paired yet
        </Typography>
        <Typography>Pair it once, and it will show every payment you send and let you approve it with a tap.</Typography>
        <Typography component="ol" sx={{ pl: 2.5, m: 0, '& li': { mb: 1 } }}>
          <li>On your computer, sign in and open <strong>Account</strong>.</li>
          <li>Under <strong>Authenticator devices</strong>, choose <strong>Pair a phone</strong>.</li>
          <li>Scan the QR code with this phone’s camera, or open the pairing link on it.</li>
        </Typography>
      </Stack>
    </Paper>
  );
}
