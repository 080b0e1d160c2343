/** The server's complaint about one field of a form, as a sentence to show under it. */
import { isApiError } from './api-client.ts';

export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const message = error.fieldMessage(field);
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : undefined;
}

/** True when the error names at least one of these fields, so no general message is needed. */
export function explainedByFields(error: unknown, fields: readonly string[]): boolean {
  return fields.some((field) => fieldError(error, field) !== undefined);
}

/**
 * What to say under a one-time code field. Refusals of a well-formed code come
 * as whole sentences ("Wrong code; 2 tries left"); a malformed one names the field.
 */
export function codeFieldError(error: unknown): string | undefined {
  if (!isApiError(error) || !error.fieldMessage('code')) return undefined;
  return error.code === 'VALIDATION_FAILED' ? fieldError(error, 'code') : error.message;
}
