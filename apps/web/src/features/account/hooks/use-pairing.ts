/**
 * "Pair a phone": asks for a pairing link; when the server wants the password
 * again first, says so, and asks again once it has been confirmed.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Pairing } from '#contracts/payfriend.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { createPairing } from '../api/create-pairing.ts';
import { reauthenticate } from '../api/reauthenticate.ts';

export function usePairing() {
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [passwordNeeded, setPasswordNeeded] = useState(false);

  const create = useMutation({
    mutationFn: createPairing,
    onSuccess: (created) => setPairing(created),
    onError: (error) => {
      if (isApiError(error) && error.status === 403 && error.code === 'REAUTH_REQUIRED') setPasswordNeeded(true);
    },
  });

  const confirmPassword = useMutation({
    mutationFn: reauthenticate,
    onSuccess: () => {
      setPasswordNeeded(false);
      create.mutate();
    },
  });

  return {
    pairing,
    start: () => {
      setPairing(null);
      create.mutate();
    },
    close: () => {
      setPairing(null);
      create.reset();
    },
    creating: create.isPending,
    /** A failure other than "enter your password again". */
    error: passwordNeeded || (isApiError(create.error) && create.error.code === 'REAUTH_REQUIRED') ? null : create.error,
    passwordNeeded,
    confirmPassword,
    cancelPassword: () => {
      setPasswordNeeded(false);
      confirmPassword.reset();
      create.reset();
    },
  };
}
