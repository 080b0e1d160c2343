/** Words for the person in front of the page, from whatever went wrong. */
import { isApiError } from './api-client.ts';
import { formatTime } from './format-time.ts';

/** The clock time `seconds` from now, in the page's one clock format. */
function clockIn(seconds: number, now = new Date()): string {
  return formatTime(new Date(now.getTime() + seconds * 1000).toISOString());
}

/** "in 42 seconds (at 2:05:09 PM)": when it makes sense to try again. */
export function describeRetry(seconds: number, now = new Date()): string {
  const clock = clockIn(seconds, now);
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'} (at ${clock})`;
  return `in about ${Math.ceil(seconds / 60)} minutes (at ${clock})`;
}

export function describeError(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  if (error.offline) return error.message;
  if (error.code === 'SCA_BLOCKED') {
    const when = error.retryAfter !== null ? describeRetry(error.retryAfter) : 'later';
    return `Too many failed attempts to confirm a payment. You can try again ${when}.`;
  }
  const message = error.message.replace(/[.\s]+$/, '');
  // The server's words already say how long to wait; only the clock time is new.
  if (error.code === 'SMS_RESEND_TOO_SOON' && error.retryAfter !== null) {
    return `${message} (until ${clockIn(error.retryAfter)}).`;
  }
  if (error.status === 429) {
    const when = error.retryAfter !== null ? describeRetry(error.retryAfter) : 'in a little while';
    return `${message}. You can try again ${when}.`;
  }
  if (error.status >= 500) return `${message}. Please try again later.`;
  return `${message}.`;
}
