import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import TimerOffIcon from '@mui/icons-material/TimerOff';
import Chip from '@mui/material/Chip';
import type { PaymentStatus } from '#contracts/payfriend.ts';
import { STATUS_COLOR, STATUS_LABEL } from '../payment-status.ts';

const ICONS = {
  pending: <HourglassTopIcon />,
  approved: <CheckCircleIcon />,
  denied: <CancelIcon />,
  expired: <TimerOffIcon />,
};

/** A payment's status in a word, with an icon and colour that say the same. */
export function StatusChip({ status, size = 'small' }: { status: PaymentStatus; size?: 'small' | 'medium' }) {
  return <Chip size={size} icon={ICONS[status]} label={STATUS_LABEL[status]} color={STATUS_COLOR[status]} variant={status === 'pending' ? 'outlined' : 'filled'} />;
}
