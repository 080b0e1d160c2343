/** Words for the person in front of the page, from whatever went wrong. */
import { isApiError } from './api-client.ts';

/** "in 42 seconds (at 14:05)": when it makes sense to try again. */
export function describeRetry(seconds: number, now = new Date()): string {
  const at = new Date(now.getTime() + seconds * 1000);
  const clock = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
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
  if (error.status === 429) {
    const when = error.retryAfter !== null ? describeRetry(error.retryAfter) : 'in a little while';
    return `${message}. You can try again ${when}.`;
  }
  if (error.status >= 500) return `${message}. Please try again later.`;
  return `${message}.`;
}
