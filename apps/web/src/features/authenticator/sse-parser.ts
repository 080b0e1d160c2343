/**
 * Server-sent events read from a fetch() body, for the streams EventSource
 * cannot open (it sends no custom headers, and device requests are signed).
 * Follows the text/event-stream format: `event:`, `data:` (several join with
 * newlines), `retry:`, comments, and a blank line ending each event.
 */
export interface ServerSentEvent {
  event: string;
  data: string;
}

export interface StreamHandlers {
  onEvent: (event: ServerSentEvent) => void;
  /** The server's advice on how long to wait before reconnecting. */
  onRetry?: (milliseconds: number) => void;
}

export async function readEventStream(body: ReadableStream<Uint8Array>, handlers: StreamHandlers): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];

  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) handlers.onEvent({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) handlers.onRetry?.(Number(value));
  };

  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        line(buffer.slice(0, end).replace(/\r$/, ''));
        buffer = buffer.slice(end + 1);
      }
    }
  } finally {
    reader.releaseLock();
  }
}
