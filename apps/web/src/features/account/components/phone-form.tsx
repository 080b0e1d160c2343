/** Enter or change the phone number; sending it texts a code to it. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import { type FormEvent, useState } from 'react';
import { TextInput } from '../../../components/text-input.tsx';
import { describeError } from '../../../lib/error-message.ts';
import { fieldError } from '../../../lib/field-error.ts';
import { useSetPhone } from '../api/set-phone.ts';

interface PhoneFormProps {
  initialPhone?: string;
  /** A complaint from before this form existed (the number given at registration). */
  initialError?: string;
  onCancel?: () => void;
  onSent?: () => void;
}

export function PhoneForm({ initialPhone = '', initialError, onCancel, onSent }: PhoneFormProps) {
  const setPhone = useSetPhone();
  const [phone, setPhoneText] = useState(initialPhone);
  const [problem, setProblem] = useState<string | undefined>(initialError);

  const serverProblem = fieldError(setPhone.error, 'phone');
  const shownProblem = problem ?? serverProblem;
  const generalError = setPhone.error && !serverProblem ? describeError(setPhone.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (setPhone.isPending) return;
    const number = phone.trim();
    if (number === '') {
      setProblem('Enter your phone number');
      return;
    }
    setProblem(undefined);
    setPhone.mutate(number, { onSuccess: () => onSent?.() });
  }

  return (
    <Stack component="form" noValidate onSubmit={submit} spacing={2} aria-label="Phone number">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextInput
          label="Phone number"
          type="tel"
          name="phone"
          autoComplete="tel"
          value={phone}
          onChange={(event) => {
            setPhoneText(event.target.value);
            setProblem(undefined);
            setPhone.reset();
          }}
          error={Boolean(shownProblem)}
          helperText={shownProblem ?? 'Include the country code, e.g. +44 7700 900123'}
          liveHelperText
          required
          fullWidth
          autoFocus={Boolean(initialError)}
        />
        <Stack direction="row" spacing={1} sx={{ pt: { sm: 1 }, flexShrink: 0 }}>
          <Button
            type="submit"
            variant="contained"
            disabled={setPhone.isPending}
            startIcon={setPhone.isPending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
          >
            Send code
          </Button>
          {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        </Stack>
      </Stack>
      {generalError && <Alert severity="error" role="alert">{generalError}</Alert>}
    </Stack>
  );
}
