/**
 * Server-sent events: opens a stream on a reply, keeps it alive through
 * proxies with comment heartbeats, tells clients how soon to reconnect, and
 * closes every open stream (with a retry hint) when the server shuts down.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface EventStream {
  send(event: string, data: unknown, id?: string): void;
  close(): void;
  readonly closed: boolean;
  onClose(listener: () => void): void;
}

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 2_000;

/**
 * What a HEAD request gets: a stream already over. Like every stream whose client left early,
 * callers see `closed` and unsubscribe at once; its close listeners never run.
 */
const closedStream: EventStream = {
  send() {},
  close() {},
  closed: true,
  onClose() {},
};

export class EventStreams {
  /** Each open stream and the response it writes to. */
  private readonly open = new Map<EventStream, ServerResponse>();
  /** One timer beats for every stream: thousands of idle streams need no thousand timers. */
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  get size(): number {
    return this.open.size;
  }

  /** Takes over the reply: Fastify sends nothing else for this request. */
  start(request: FastifyRequest, reply: FastifyReply): EventStream {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Stops nginx and similar proxies from buffering the stream.
      'x-accel-buffering': 'no',
    });
    const listeners: (() => void)[] = [];
    let closed = false;
    // HEAD gets the stream's headers and no body: Node would swallow every event and never end the answer.
    if (request.method === 'HEAD') {
      raw.end();
      return closedStream;
    }
    raw.write(`retry: ${RETRY_MS}\n\n`);

    const stream: EventStream = {
      send(event, data, id) {
        if (closed) return;
        const lines = [`event: ${event}`, ...(id ? [`id: ${id}`] : []), `data: ${JSON.stringify(data)}`];
        raw.write(`${lines.join('\n')}\n\n`);
      },
      close() {
        if (closed) return;
        finish();
        raw.end();
      },
      get closed() {
        return closed;
      },
      onClose(listener) {
        listeners.push(listener);
      },
    };

    const finish = () => {
      if (closed) return;
      closed = true;
      this.open.delete(stream);
      if (this.open.size === 0) this.stopHeartbeat();
      for (const listener of listeners) listener();
    };
    request.raw.on('close', finish);
    this.open.set(stream, raw);
    this.startHeartbeat();
    return stream;
  }

  /** Comment lines keep proxies from closing streams that are quiet for a while. */
  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const raw of this.open.values()) raw.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** On shutdown: ask every client to come back soon (to another instance), then end the stream. */
  closeAll(): void {
    for (const stream of [...this.open.keys()]) {
      stream.send('shutdown', { reconnect_in_ms: RETRY_MS });
      stream.close();
    }
  }
}

export function installEventStreams(app: FastifyInstance): EventStreams {
  const streams = new EventStreams();
  app.addHook('preClose', async () => streams.closeAll());
  return streams;
}
