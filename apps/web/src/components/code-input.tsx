/** A one-time code field: digits only, six of them, offered by the phone's keyboard and autofill. */
import { TextInput, type TextInputProps } from './text-input.tsx';

export const CODE_LENGTH = 6;

interface CodeInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'label' | 'sx'> {
  label?: string;
  value: string;
  onChange: (code: string) => void;
}

export function CodeInput({ label = '6-digit code', value, onChange, inputProps, ...rest }: CodeInputProps) {
  return (
    <TextInput
      label={label}
      name="code"
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, '').slice(0, CODE_LENGTH))}
      autoComplete="one-time-code"
      inputProps={{ inputMode: 'numeric', pattern: '[0-9]*', maxLength: CODE_LENGTH, ...inputProps }}
      sx={{ maxWidth: 220, '& input': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: '0.3em', fontSize: '1.25rem' } }}
      {...rest}
    />
  );
}

export function isCompleteCode(code: string): boolean {
  return new RegExp(`^\\d{${CODE_LENGTH}}$`).test(code);
}
