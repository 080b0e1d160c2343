/** The pairing link for a phone: as a QR code and as text, with the time left to use it. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Pairing } from '#contracts/payfriend.ts';
import { useSecondsUntil } from '../../../hooks/use-now.ts';
import { formatCountdown } from '../../../lib/format-time.ts';
import { visuallyHidden } from '../../../lib/visually-hidden.ts';
import { QrCode } from './qr-code.tsx';

interface PairingPanelProps {
  pairing: Pairing;
  onRenew: () => void;
  onClose: () => void;
}

/** A link to this very computer (PUBLIC_URL left at its default): no phone can open it. */
function onlyThisComputer(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function PairingPanel({ pairing, onRenew, onClose }: PairingPanelProps) {
  const left = useSecondsUntil(Date.parse(pairing.expires_at)) ?? 0;
  const [copied, setCopied] = useState(false);
  const local = onlyThisComputer(pairing.pairing_url);

  if (left === 0) {
    return (
      <Alert
        severity="warning"
        role="alert"
        action={<Button color="inherit" size="small" onClick={onRenew}>Make a new link</Button>}
      >
        The pairing link has expired.
      </Alert>
    );
  }

  return (
    <Box
      role="region"
      aria-label="Pairing link"
      sx={{ border: 1, borderColor: 'primary.light', borderRadius: 2, p: 2, bgcolor: 'rgba(31, 79, 163, 0.04)' }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: { sm: 'center' } }}>
        <QrCode text={pairing.pairing_url} label="QR code of the pairing link" />
        <Stack spacing={1.5} sx={{ minWidth: 0 }}>
          <Typography sx={{ fontWeight: 600 }}>Scan this code with your phone’s camera, or open the link on your phone.</Typography>
          <Typography variant="body2" color="text.secondary">
            The phone becomes an authenticator: it shows each payment you send and asks you to approve it.
          </Typography>
          {local && (
            <Alert severity="info" variant="outlined">
              This link points at this computer ({new URL(pairing.pairing_url).host}), so a phone cannot open it. Open it in
              another browser window here to try pairing, or have the site run at an address your phone can reach
              (PUBLIC_URL, over https).
            </Alert>
          )}
          <Link href={pairing.pairing_url} sx={{ overflowWrap: 'anywhere', fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: '0.85rem' }}>
            {pairing.pairing_url}
            <Box component="span" sx={visuallyHidden}> (pairing link)</Box>
          </Link>
          <Typography aria-hidden>
            Expires in <strong>{formatCountdown(left)}</strong>
          </Typography>
          <Box component="span" sx={visuallyHidden}>
            {`The link can be used once and expires at ${new Date(pairing.expires_at).toLocaleTimeString()}.`}
          </Box>
          <Stack direction="row" spacing={1}>
            {typeof navigator.clipboard?.writeText === 'function' && (
              <Button
                variant="outlined"
                size="small"
                onClick={() => void navigator.clipboard.writeText(pairing.pairing_url).then(() => setCopied(true))}
              >
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
            <Button size="small" onClick={onClose}>
              Cancel
            </Button>
          </Stack>
        </Stack>
      </Stack>
    </Box>
  );
}
