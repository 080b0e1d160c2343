/**
 * An outlined text field with its label and helper text wired for screen
 * readers. Material UI's TextField does the same but also pulls in Select,
 * Menu and Popover, which the sign-in page does not need.
 */
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput, { type OutlinedInputProps } from '@mui/material/OutlinedInput';
import { type ReactNode, useId } from 'react';

export interface TextInputProps extends Omit<OutlinedInputProps, 'label'> {
  label: string;
  helperText?: ReactNode;
  /** Announce helper text changes (a hint that turns into an error, say). */
  liveHelperText?: boolean;
}

export function TextInput({ label, helperText, liveHelperText, error, required, fullWidth, id, ...input }: TextInputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const helperId = `${inputId}-helper`;
  return (
    <FormControl variant="outlined" error={error} required={required} fullWidth={fullWidth}>
      <InputLabel htmlFor={inputId}>{label}</InputLabel>
      <OutlinedInput id={inputId} label={label} aria-describedby={helperText ? helperId : undefined} {...input} />
      {helperText && (
        <FormHelperText id={helperId} aria-live={liveHelperText ? 'polite' : undefined}>
          {helperText}
        </FormHelperText>
      )}
    </FormControl>
  );
}
