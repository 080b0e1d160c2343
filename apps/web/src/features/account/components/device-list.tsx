/** The paired devices: name, when paired, when last used, and a way to revoke each. */
import SmartphoneIcon from '@mui/icons-material/Smartphone';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import type { Device } from '#contracts/payfriend.ts';
import { useNow } from '../../../hooks/use-now.ts';
import { formatDateTime, formatRelative } from '../../../lib/format-time.ts';

export function DeviceList({ devices, onRevoke }: { devices: Device[]; onRevoke: (device: Device) => void }) {
  const now = useNow();
  return (
    <List aria-label="Paired devices" disablePadding sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}>
      {devices.map((device, index) => (
        <ListItem
          key={device.id}
          divider={index < devices.length - 1}
          secondaryAction={
            <Button color="error" variant="outlined" size="small" onClick={() => onRevoke(device)} aria-label={`Revoke ${device.name}`}>
              Revoke
            </Button>
          }
          sx={{ pr: 14 }}
        >
          <ListItemIcon sx={{ minWidth: 40 }}>
            <SmartphoneIcon aria-hidden />
          </ListItemIcon>
          <ListItemText
            primary={device.name}
            slotProps={{ primary: { sx: { fontWeight: 600, overflowWrap: 'anywhere' } } }}
            secondary={
              <>
                Paired {formatDateTime(device.created_at)}
                {' · '}
                {device.last_used_at ? `Last used ${formatRelative(device.last_used_at, now)}` : 'Not used yet'}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
