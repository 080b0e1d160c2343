/** Colours and type for the whole page. System fonts only: the CSP allows no font downloads. */
import { createTheme } from '@mui/material/styles';

const focusRing = { outline: '3px solid #1f4fa3', outlineOffset: 2 };

export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1f4fa3' },
    secondary: { main: '#c62828' },
    // Darker than the default so white text on it stays readable (4.8:1).
    info: { main: '#0277bd' },
    background: { default: '#f5f6f8' },
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        // Keyboard users always see where they are, on every focusable element.
        'a:focus-visible, button:focus-visible': focusRing,
      },
    },
    // Tabs sit in a scroller that clips anything drawn outside them: draw the ring inside.
    MuiTab: { styleOverrides: { root: { '&.Mui-focusVisible': { ...focusRing, outlineOffset: -3 } } } },
    MuiAppBar: { styleOverrides: { root: { '& :focus-visible': { outlineColor: '#ffffff' } } } },
    // Disabled buttons here often carry words worth reading ("Resend code in 0:29"): grey, but legible (5.7:1).
    MuiButton: { styleOverrides: { root: { '&.Mui-disabled': { color: 'rgba(0, 0, 0, 0.6)' } } } },
  },
});
