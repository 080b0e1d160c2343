/** The code texted to an unverified number: enter it, or ask for another once the cool-down is over. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { CodeInput, CodeSubmitButton, isCompleteCode } from '../../../components/code-input.tsx';
import { useSecondsUntil } from '../../../hooks/use-now.ts';
import { describeError } from '../../../lib/error-message.ts';
import { codeFieldError } from '../../../lib/field-error.ts';
import { formatCountdown } from '../../../lib/format-time.ts';
import { useResendPhoneCode } from '../api/resend-phone-code.ts';
import { useVerifyPhone } from '../api/verify-phone.ts';

interface PhoneCodeFormProps {
  phone: string;
  /** Texts land on this site's Outbox page (no real SMS is sent). */
  toOutbox: boolean;
  /** When another code may be sent (milliseconds since the epoch), if a cool-down runs. */
  resendAt: number | null;
}

export function PhoneCodeForm({ phone, toOutbox, resendAt }: PhoneCodeFormProps) {
  const verify = useVerifyPhone();
  const resend = useResendPhoneCode();
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const wait = useSecondsUntil(resendAt) ?? 0;

  const codeProblem = incomplete ? 'Enter the 6 digits from the text message' : codeFieldError(verify.error);
  const verifyError = verify.error && !codeFieldError(verify.error) ? describeError(verify.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (verify.isPending) return;
    if (!isCompleteCode(code)) {
      setIncomplete(true);
      return;
    }
    verify.mutate(code);
  }

  return (
    <Stack spacing={2}>
      <Typography>
        We sent a 6-digit code to <strong>{phone}</strong>. Enter it to verify the number.
        {toOutbox && (
          <>
            {' '}
            This site delivers its texts to the <Link component={RouterLink} to="/outbox">Outbox</Link> page.
          </>
        )}
      </Typography>
      <Stack component="form" noValidate onSubmit={submit} direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ alignItems: 'flex-start' }} aria-label="Verify phone number">
        <CodeInput
          value={code}
          onChange={(value) => {
            setCode(value);
            setIncomplete(false);
            verify.reset();
          }}
          error={Boolean(codeProblem)}
          helperText={codeProblem ?? 'From the text message'}
          liveHelperText
          required
        />
        <CodeSubmitButton busy={verify.isPending}>Verify</CodeSubmitButton>
      </Stack>
      {verifyError && <Alert severity="error" role="alert">{verifyError}</Alert>}
      <Box>
        <Button
          variant="outlined"
          disabled={wait > 0 || resend.isPending}
          onClick={() => resend.mutate()}
          aria-describedby="resend-wait"
        >
          {wait > 0 ? `Resend code in ${formatCountdown(wait)}` : 'Resend code'}
        </Button>
        <Typography id="resend-wait" variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {wait > 0 ? 'A new code can be sent once the countdown ends.' : 'Didn’t get it? Ask for a new code.'}
        </Typography>
        <Box role="status" aria-live="polite">
          {resend.isSuccess && <Typography variant="body2" sx={{ mt: 0.5 }}>A new code is on its way.</Typography>}
        </Box>
        {resend.isError && <Alert severity="error" role="alert" sx={{ mt: 1 }}>{describeError(resend.error)}</Alert>}
      </Box>
    </Stack>
  );
}
