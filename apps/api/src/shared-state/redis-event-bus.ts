/**
 * The event bus across instances: events are published to Redis and every
 * instance subscribed to the channel delivers them to its local handlers.
 * One Redis subscription per channel however many local streams listen.
 */
import type { EventBus, Unsubscribe } from '../core/events.ts';
import type { RedisConnections } from './redis-connection.ts';

export class RedisEventBus implements EventBus {
  private readonly handlers = new Map<string, Set<(event: unknown) => void>>();

  constructor(private readonly redis: RedisConnections) {
    redis.subscriber.on('message', (channel: string, message: string) => this.deliver(channel, message));
  }

  async publish(channel: string, event: unknown): Promise<void> {
    await this.redis.command.publish(this.key(channel), JSON.stringify(event));
  }

  async subscribe(channel: string, handler: (event: unknown) => void): Promise<Unsubscribe> {
    const key = this.key(channel);
    let set = this.handlers.get(key);
    if (!set) {
      set = new Set();
      this.handlers.set(key, set);
      await this.redis.subscriber.subscribe(key);
    }
    set.add(handler);
    return () => {
      const current = this.handlers.get(key);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(key);
        void this.redis.subscriber.unsubscribe(key).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }

  private deliver(key: string, message: string): void {
    const set = this.handlers.get(key);
    if (!set) return;
    let event: unknown;
    try {
      event = JSON.parse(message);
    } catch {
      return;
    }
    for (const handler of [...set]) handler(event);
  }

  private key(channel: string): string {
    return `${this.redis.prefix}events:${channel}`;
  }
}
