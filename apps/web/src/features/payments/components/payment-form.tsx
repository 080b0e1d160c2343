/**
 * Send money: payee, amount (typed as text, never a float) and currency. The
 * server's complaints appear under the fields they name.
 */
import SendIcon from '@mui/icons-material/Send';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { TextInput } from '../../../components/text-input.tsx';
import { useFocusFirstInvalid } from '../../../hooks/use-focus-first-invalid.ts';
import { describeError } from '../../../lib/error-message.ts';
import { explainedByFields, fieldError } from '../../../lib/field-error.ts';
import { useCreatePayment } from '../api/create-payment.ts';
import { useIdempotencyKey } from '../hooks/use-idempotency-key.ts';
import { CURRENCY_EXPONENTS } from '#contracts/currencies.ts';
import { CurrencySelect } from './currency-select.tsx';

const FIELDS = ['payee', 'amount', 'currency'] as const;
type Field = (typeof FIELDS)[number];

/** "12.50"; "1250" for a currency without minor units, "12.500" for one with three. */
function exampleAmount(currency: string): string {
  const digits = CURRENCY_EXPONENTS[currency] ?? 2;
  return digits === 0 ? '1250' : (12.5).toFixed(digits);
}

export function PaymentForm({ disabled = false }: { disabled?: boolean }) {
  const create = useCreatePayment();
  const idempotency = useIdempotencyKey();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ payee: '', amount: '', currency: 'EUR' });
  const [missing, setMissing] = useState<Field[]>([]);
  // A field edited since the last answer no longer shows that answer's complaint.
  const [edited, setEdited] = useState<Field[]>([]);
  // Set at once, unlike the mutation's state: a double click submits the form once.
  const sending = useRef(false);

  const problem = (field: Field): string | undefined => {
    if (missing.includes(field)) return field === 'payee' ? 'Enter the email address of the person to pay' : `Enter an amount, e.g. ${exampleAmount(values.currency)}`;
    return edited.includes(field) ? undefined : fieldError(create.error, field);
  };
  const generalError = create.error && !explainedByFields(create.error, FIELDS) ? describeError(create.error) : null;
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, missing.length > 0 ? missing : create.error);

  function edit(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setMissing((fields) => fields.filter((f) => f !== field));
    setEdited((fields) => (fields.includes(field) ? fields : [...fields, field]));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current || disabled) return;
    const payment = { payee: values.payee.trim(), amount: values.amount.trim(), currency: values.currency };
    const empty = FIELDS.filter((field) => payment[field] === '');
    setMissing(empty);
    if (empty.length > 0) return;
    setEdited([]);
    sending.current = true;
    create.mutate(
      { payment, idempotencyKey: idempotency.keyFor(payment) },
      {
        onSuccess: (created) => {
          idempotency.done();
          navigate(`/payments/${encodeURIComponent(created.id)}`);
        },
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  }

  return (
    <Stack ref={form} component="form" noValidate onSubmit={submit} spacing={2} aria-label="Send money">
      <TextInput
        label="Payee email"
        type="email"
        name="payee"
        autoComplete="off"
        value={values.payee}
        onChange={(event) => edit('payee', event.target.value)}
        error={Boolean(problem('payee'))}
        helperText={problem('payee') ?? 'Your friend’s email address'}
        liveHelperText
        required
        fullWidth
      />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextInput
          label="Amount"
          name="amount"
          autoComplete="off"
          value={values.amount}
          onChange={(event) => edit('amount', event.target.value)}
          error={Boolean(problem('amount'))}
          helperText={problem('amount') ?? `For example ${exampleAmount(values.currency)}`}
          liveHelperText
          required
          fullWidth
          inputProps={{ inputMode: 'decimal', maxLength: 32 }}
        />
        <CurrencySelect value={values.currency} onChange={(currency) => edit('currency', currency)} error={Boolean(problem('currency'))} />
      </Stack>
      {problem('currency') && <Alert severity="error">{problem('currency')}</Alert>}
      {generalError && <Alert severity="error" role="alert">{generalError}</Alert>}
      <Button
        type="submit"
        variant="contained"
        size="large"
        disabled={create.isPending || disabled}
        startIcon={create.isPending ? <CircularProgress size={18} color="inherit" aria-hidden /> : <SendIcon />}
        sx={{ alignSelf: 'flex-start' }}
      >
        {create.isPending ? 'Sending…' : 'Send money'}
      </Button>
    </Stack>
  );
}
