/** A QR code drawn in the page (no image service): a PNG data URL from the qrcode package. */
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';

const SIZE = 224;

export function QrCode({ text, label }: { text: string; label: string }) {
  const image = useQuery({
    queryKey: ['qr-code', text],
    queryFn: () => QRCode.toDataURL(text, { width: SIZE, margin: 2, errorCorrectionLevel: 'M' }),
    staleTime: Infinity,
    gcTime: 0,
  });
  if (!image.data) return <Skeleton variant="rectangular" width={SIZE} height={SIZE} aria-label="Drawing the QR code" />;
  return (
    <Box
      component="img"
      src={image.data}
      alt={label}
      width={SIZE}
      height={SIZE}
      sx={{ display: 'block', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#ffffff' }}
    />
  );
}
