/** Opens Redis connections from REDIS_URL, with every key under one prefix so environments can share a server. */
import type { Redis } from 'ioredis';

export interface RedisConnections {
  /** Commands: counters, cache, gate, publish. */
  command: Redis;
  /** A connection in subscriber mode may run no other command, so it is separate. */
  subscriber: Redis;
  prefix: string;
  close(): Promise<void>;
}

export async function connectRedis(url: string, prefix: string): Promise<RedisConnections> {
  // Imported only when Redis is configured: a single instance never pays for the client.
  const { Redis } = await import('ioredis');
  const options = { maxRetriesPerRequest: 3, enableOfflineQueue: true, lazyConnect: true };
  const command = new Redis(url, options);
  const subscriber = new Redis(url, options);
  await Promise.all([command.connect(), subscriber.connect()]);
  return {
    command,
    subscriber,
    prefix,
    async close() {
      await Promise.allSettled([command.quit(), subscriber.quit()]);
    },
  };
}
