/**
 * The payer's live view of one payment: `status` at once, then on every
 * published change, and the stream ends after a final status. Subscribing
 * before reading means no change can fall between the read and the subscription.
 */
import type { Payment } from '#contracts/payfriend.ts';
import { channels, type EventBus } from '../../core/events.ts';
import type { EventStream } from '../../plugins/event-stream.ts';
import { isTerminal } from './lifecycle.ts';

export interface StatusEvent {
  type: 'status';
  payment: Payment;
}

function isStatusEvent(event: unknown): event is StatusEvent {
  return typeof event === 'object' && event !== null && (event as { type?: unknown }).type === 'status';
}

export async function streamPaymentStatus(
  deps: { events: EventBus; current: () => Promise<Payment> },
  paymentId: string,
  stream: EventStream,
): Promise<void> {
  const sendStatus = (payment: Payment) => {
    stream.send('status', payment);
    if (isTerminal(payment.status)) stream.close();
  };
  try {
    const unsubscribe = await deps.events.subscribe(channels.payment(paymentId), (event) => {
      if (isStatusEvent(event)) sendStatus(event.payment);
    });
    stream.onClose(unsubscribe);
    // The client may have gone while we subscribed; its close listeners already ran.
    if (stream.closed) unsubscribe();
    else sendStatus(await deps.current());
  } catch {
    // The reply is already a stream, so no error body can follow: end it, and the
    // client reconnects (the stream sent a retry hint) for a fresh answer.
    stream.close();
  }
}
