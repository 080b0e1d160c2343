/**
 * One Idempotency-Key per submission of a form. Sending the same thing again
 * before it succeeded (a retry after a lost answer, a double click) reuses the
 * key, so the server makes one payment; a changed form or a new submission
 * after success gets a fresh key.
 */
import { useRef } from 'react';
import { randomId } from '../../../lib/random-id.ts';

export function useIdempotencyKey() {
  const current = useRef<{ request: string; key: string } | null>(null);

  return {
    keyFor(request: unknown): string {
      const fingerprint = JSON.stringify(request);
      if (current.current?.request !== fingerprint) current.current = { request: fingerprint, key: randomId() };
      return current.current.key;
    },
    /** The submission succeeded: the next one is a new payment. */
    done(): void {
      current.current = null;
    },
  };
}
