/**
 * Live status of one payment from /api/payments/:id/events (event `status`,
 * at once and on every change), written into the payment's query. The browser
 * reconnects a dropped stream by itself; a stream it gave up on (a refused
 * request) is reopened here after a pause. Stops once the payment is decided.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Payment } from '#contracts/payfriend.ts';
import { paymentQueryKey } from '../api/get-payment.ts';
import { paymentsListKey } from '../api/get-payments.ts';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

const MAX_PAUSE_MS = 30_000;

export function usePaymentEvents(paymentId: string, active: boolean): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    if (!active) return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const onStatus = (event: MessageEvent<string>) => {
      const payment = JSON.parse(event.data) as Payment;
      if (payment.id !== paymentId) return;
      queryClient.setQueryData(paymentQueryKey(paymentId), payment);
      if (payment.status !== 'pending') void queryClient.invalidateQueries({ queryKey: paymentsListKey });
    };

    const connect = () => {
      source = new EventSource(`/api/payments/${encodeURIComponent(paymentId)}/events`);
      source.addEventListener('open', () => {
        failures = 0;
        setState('open');
      });
      source.addEventListener('status', onStatus);
      source.addEventListener('error', () => {
        if (stopped || !source) return;
        setState('reconnecting');
        if (source.readyState !== EventSource.CLOSED) return;
        // The browser gave up: ask for the payment itself (a 401 ends the session) and try again later.
        source.close();
        void queryClient.invalidateQueries({ queryKey: paymentQueryKey(paymentId) });
        const pause = Math.min(MAX_PAUSE_MS, 1000 * 2 ** failures);
        failures += 1;
        retryTimer = setTimeout(connect, pause);
      });
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [paymentId, active, queryClient]);

  return active ? state : 'closed';
}
