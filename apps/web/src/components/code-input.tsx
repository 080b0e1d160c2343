/** A one-time code field: digits only, six of them, offered by the phone's keyboard and autofill. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import type { ReactNode } from 'react';
import { TextInput, type TextInputProps } from './text-input.tsx';

export const CODE_LENGTH = 6;

interface CodeInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'label' | 'sx'> {
  label?: string;
  value: string;
  onChange: (code: string) => void;
}

export function CodeInput({ label = '6-digit code', value, onChange, inputProps, ...rest }: CodeInputProps) {
  // The width is the whole field's, message included: a long message wraps under the field instead of widening it.
  return (
    <Box sx={{ width: 220, maxWidth: '100%' }}>
      <TextInput
        label={label}
        name="code"
        value={value}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, CODE_LENGTH))}
        autoComplete="one-time-code"
        inputProps={{ inputMode: 'numeric', pattern: '[0-9]*', maxLength: CODE_LENGTH, ...inputProps }}
        sx={{ '& input': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: '0.3em', fontSize: '1.25rem' } }}
        fullWidth
        {...rest}
      />
    </Box>
  );
}

export function isCompleteCode(code: string): boolean {
  return new RegExp(`^\\d{${CODE_LENGTH}}$`).test(code);
}

/** The button beside a code field, centred on the field's larger type when they sit in a row (the row must use a flex gap, not child margins). */
export function CodeSubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <Button
      type="submit"
      variant="contained"
      size="large"
      disabled={busy}
      startIcon={busy ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
      // Never squeezed onto two lines by a long message under the field beside it.
      sx={{ mt: { sm: '9px' }, flexShrink: 0, whiteSpace: 'nowrap' }}
    >
      {children}
    </Button>
  );
}
