/**
 * Publish/subscribe between parts of the server (a payment decided → the
 * payer's event stream; a payment created → the payer's devices). The bus is
 * an interface: in-process by default, shared between instances when
 * configured, so an approval on one instance reaches a stream on another.
 */
import { EventEmitter } from 'node:events';

export type Unsubscribe = () => void;

export interface EventBus {
  publish(channel: string, event: unknown): Promise<void>;
  subscribe(channel: string, handler: (event: unknown) => void): Promise<Unsubscribe>;
  close(): Promise<void>;
}

export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Each open event stream is one listener; thousands are expected.
    this.emitter.setMaxListeners(0);
  }

  async publish(channel: string, event: unknown): Promise<void> {
    this.emitter.emit(channel, event);
  }

  async subscribe(channel: string, handler: (event: unknown) => void): Promise<Unsubscribe> {
    this.emitter.on(channel, handler);
    return () => this.emitter.off(channel, handler);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Channel names in one place, so publishers and subscribers cannot drift apart. */
export const channels = {
  payment: (paymentId: string) => `payment:${paymentId}`,
  userDevices: (userId: string) => `devices:${userId}`,
  /** A user's kudos changed: every instance drops its cached list. */
  kudosChanged: 'kudos-changed',
};
