import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { describeError } from '../lib/error-message.ts';

/** A failed load, said in words, with a way to try again. */
interface ErrorAlertProps {
  title: string;
  error: unknown;
  /** Words that fit the situation better than the server's own. */
  message?: string;
  onRetry?: () => void;
}

export function ErrorAlert({ title, error, message, onRetry }: ErrorAlertProps) {
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        )
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {message ?? describeError(error)}
    </Alert>
  );
}
