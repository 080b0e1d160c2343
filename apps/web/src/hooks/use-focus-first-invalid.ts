/**
 * After a refused submission, focus moves to the first field marked invalid,
 * so a keyboard or screen-reader user lands on what to fix (the submit button
 * they were on was disabled while the request ran, which drops focus).
 */
import { type RefObject, useEffect } from 'react';

/** `attempt` changes with every answer worth looking at (a new error, a new set of missing fields). */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, attempt: unknown): void {
  useEffect(() => {
    if (!attempt) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt]);
}
