/** The links between the signed-in pages; the current one is marked for eyes and screen readers. */
import AccountCircleOutlinedIcon from '@mui/icons-material/AccountCircleOutlined';
import FavoriteBorderIcon from '@mui/icons-material/FavoriteBorder';
import PaymentsOutlinedIcon from '@mui/icons-material/PaymentsOutlined';
import SmsOutlinedIcon from '@mui/icons-material/SmsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  end?: boolean;
}

const ITEMS: NavItem[] = [
  { to: '/', label: 'Kudos', icon: <FavoriteBorderIcon />, end: true },
  { to: '/payments', label: 'Payments', icon: <PaymentsOutlinedIcon /> },
  { to: '/account', label: 'Account', icon: <AccountCircleOutlinedIcon /> },
  { to: '/outbox', label: 'Outbox', icon: <SmsOutlinedIcon /> },
];

export function MainNav() {
  return (
    <Box
      component="nav"
      aria-label="Main"
      sx={{ display: 'flex', gap: 0.5, px: { xs: 1, sm: 2 }, overflowX: 'auto', bgcolor: 'rgba(0, 0, 0, 0.14)' }}
    >
      {ITEMS.map((item) => (
        <Button
          key={item.to}
          component={NavLink}
          to={item.to}
          end={item.end}
          color="inherit"
          startIcon={item.icon}
          sx={{
            flexShrink: 0,
            borderRadius: 0,
            px: { xs: 1.25, sm: 2 },
            py: 1,
            borderBottom: '3px solid transparent',
            opacity: 0.85,
            '& .MuiButton-startIcon': { display: { xs: 'none', sm: 'inherit' } },
            '&.active': { borderBottomColor: '#ffffff', opacity: 1 },
          }}
        >
          {item.label}
        </Button>
      ))}
    </Box>
  );
}
