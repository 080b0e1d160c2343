/**
 * No phone at hand: after a short wait, a code by text message instead. The
 * code approves this payment only; wrong codes say how many tries are left.
 */
import SmsIcon from '@mui/icons-material/Sms';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import type { Payment, SmsCodeSent } from '#contracts/payfriend.ts';
import { CodeInput, CodeSubmitButton, isCompleteCode } from '../../../components/code-input.tsx';
import { useSecondsUntil } from '../../../hooks/use-now.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/error-message.ts';
import { codeFieldError } from '../../../lib/field-error.ts';
import { formatCountdown, formatTime } from '../../../lib/format-time.ts';
import { useSendPaymentSms } from '../api/send-payment-sms.ts';
import { useVerifyPaymentCode } from '../api/verify-payment-code.ts';
import { useSmsOffer } from '../hooks/use-sms-offer.ts';

type SentCode = SmsCodeSent & { resendAt: number };

// The code sent for a payment is kept for the tab: a reload must not hide the field for a code already on the phone.
const sentCodeKey = (paymentId: string) => `payfriend.sms-code.${paymentId}`;

function readSentCode(paymentId: string): SentCode | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(sentCodeKey(paymentId)) ?? 'null') as SentCode | null;
    return saved && Date.parse(saved.expires_at) > Date.now() ? saved : null;
  } catch {
    return null;
  }
}

function keepSentCode(paymentId: string, sent: SentCode): void {
  try {
    sessionStorage.setItem(sentCodeKey(paymentId), JSON.stringify(sent));
  } catch {
    // Storage full or refused: the form still works until the next reload.
  }
}

export function SmsFallback({ payment, offerNow = false }: { payment: Payment; offerNow?: boolean }) {
  const offerSoon = useSmsOffer(payment.created_at);
  const offerIn = offerNow ? 0 : offerSoon;
  const send = useSendPaymentSms(payment.id);
  const verify = useVerifyPaymentCode(payment.id);
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  // Kept while a new code is on its way, so the form stays on screen.
  const [sent, setSent] = useState<SentCode | null>(() => readSentCode(payment.id));
  const resendIn = useSecondsUntil(sent?.resendAt ?? null) ?? 0;
  const sendCode = () =>
    send.mutate(undefined, {
      onSuccess: (info) => {
        const code = { ...info, resendAt: Date.now() + info.resend_after * 1000 };
        keepSentCode(payment.id, code);
        setSent(code);
      },
    });
  // Blocked after too many failed confirmations: asking again only repeats the refusal, and the alert says until when.
  const blocked = isApiError(send.error) && send.error.code === 'SCA_BLOCKED';

  if (!sent) {
    if (offerIn > 0) {
      return (
        <Typography color="text.secondary" sx={{ textAlign: 'center' }}>
          No phone at hand? You can get a code by text message in {formatCountdown(offerIn)}.
        </Typography>
      );
    }
    return (
      <Stack spacing={1} sx={{ alignItems: 'center' }}>
        <Button
          variant="outlined"
          size="large"
          startIcon={send.isPending ? <CircularProgress size={18} color="inherit" aria-hidden /> : <SmsIcon />}
          disabled={send.isPending || blocked}
          onClick={sendCode}
        >
          Send me a code by SMS instead
        </Button>
        {send.isError && <Alert severity="error" role="alert">{describeError(send.error)}</Alert>}
      </Stack>
    );
  }

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
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2 }}>
      <Typography sx={{ mb: 2 }} role="status">
        We sent a code to <strong>{sent.sent_to}</strong>. It works until {formatTime(sent.expires_at)}.
      </Typography>
      <Stack component="form" noValidate onSubmit={submit} direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ alignItems: 'flex-start' }} aria-label="Confirm with the SMS code">
        <CodeInput
          value={code}
          onChange={(value) => {
            setCode(value);
            setIncomplete(false);
          }}
          error={Boolean(codeProblem)}
          helperText={codeProblem ?? 'From the text message'}
          liveHelperText
          required
          autoFocus
        />
        <CodeSubmitButton busy={verify.isPending}>Confirm payment</CodeSubmitButton>
      </Stack>
      {verifyError && <Alert severity="error" role="alert" sx={{ mt: 2 }}>{verifyError}</Alert>}
      {send.isError && <Alert severity="error" role="alert" sx={{ mt: 2 }}>{describeError(send.error)}</Alert>}
      <Button size="small" sx={{ mt: 1 }} disabled={resendIn > 0 || send.isPending} onClick={sendCode}>
        {resendIn > 0 ? `Send a new code in ${formatCountdown(resendIn)}` : 'Send a new code'}
      </Button>
    </Box>
  );
}
