/** Email and password, with the server's complaints shown under the field they concern. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import { type FormEvent, useRef, useState } from 'react';
import { TextInput } from '../../../components/text-input.tsx';
import { useFocusFirstInvalid } from '../../../hooks/use-focus-first-invalid.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/error-message.ts';
import { type SignInMode, useSignIn } from '../api/sign-in.ts';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

function sentence(text: string | undefined): string | undefined {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : undefined;
}

export function CredentialsForm({ mode }: { mode: SignInMode }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const [missing, setMissing] = useState<Field[]>([]);
  // A field edited since the last answer no longer shows that answer's complaint.
  const [edited, setEdited] = useState<Field[]>([]);

  const error = signIn.error;
  const fieldError = (field: Field): string | undefined => {
    if (missing.includes(field)) return field === 'email' ? 'Enter your email address' : 'Enter your password';
    if (edited.includes(field) || !isApiError(error)) return undefined;
    return sentence(error.fieldMessage(field));
  };
  const explainedByFields = isApiError(error) && FIELDS.some((field) => error.fieldMessage(field));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, missing.length > 0 ? missing : error);
  const generalError = error && !explainedByFields ? describeError(error) : null;

  function edit(field: Field, value: string) {
    (field === 'email' ? setEmail : setPassword)(value);
    setMissing((fields) => fields.filter((f) => f !== field));
    setEdited((fields) => (fields.includes(field) ? fields : [...fields, field]));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const empty = FIELDS.filter((field) => (field === 'email' ? email.trim() : password) === '');
    setMissing(empty);
    if (empty.length > 0 || signIn.isPending) return;
    setEdited([]);
    signIn.mutate({ mode, credentials: { email: email.trim(), password }, phone: phone.trim() });
  }

  const submitLabel = mode === 'register' ? 'Create account' : 'Sign in';
  return (
    <Stack ref={form} component="form" noValidate onSubmit={submit} spacing={2.5} aria-label={submitLabel}>
      <TextInput
        label="Email"
        type="email"
        name="email"
        autoComplete={mode === 'register' ? 'email' : 'username'}
        value={email}
        onChange={(event) => edit('email', event.target.value)}
        error={Boolean(fieldError('email'))}
        helperText={fieldError('email')}
        required
        fullWidth
        autoFocus
      />
      <TextInput
        label="Password"
        type="password"
        name="password"
        autoComplete={mode === 'register' ? 'new-password' : 'current-password'}
        value={password}
        onChange={(event) => edit('password', event.target.value)}
        error={Boolean(fieldError('password'))}
        helperText={fieldError('password') ?? (mode === 'register' ? 'At least 8 characters; avoid common passwords' : undefined)}
        required
        fullWidth
      />
      {mode === 'register' && (
        <TextInput
          label="Phone number (optional)"
          type="tel"
          name="phone"
          autoComplete="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          helperText="For payments: we text you a code to confirm it. Include the country code, e.g. +44 7700 900123"
          fullWidth
        />
      )}
      {/* role="alert": read out as soon as it appears. */}
      {generalError && <Alert severity="error" role="alert">{generalError}</Alert>}
      <Button
        type="submit"
        variant="contained"
        size="large"
        disabled={signIn.isPending}
        startIcon={signIn.isPending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
      >
        {submitLabel}
      </Button>
    </Stack>
  );
}
