/**
 * Requests an authenticator device makes: signed with its key, without the
 * browser's session cookie. A phone whose clock is off is put right once
 * from the server's Date header, since the server refuses stale timestamps.
 */
import { ApiError, readResponse } from '../../lib/api-client.ts';
import type { StoredDevice } from './device-store.ts';
import { signedHeaders } from './device-signing.ts';

let clockOffsetMs = 0;

interface DeviceFetchOptions {
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
}

/** The raw response of a signed request (for streams); one retry after a clock correction. */
export async function deviceFetch(device: StoredDevice, method: 'GET' | 'POST', path: string, options: DeviceFetchOptions = {}): Promise<Response> {
  const text = options.body === undefined ? undefined : JSON.stringify(options.body);
  const attempt = async () => {
    const headers: Record<string, string> = {
      accept: options.accept ?? 'application/json',
      ...(await signedHeaders(device, { method, pathWithQuery: path, body: text, now: Date.now() + clockOffsetMs })),
    };
    if (text !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(path, { method, headers, body: text, credentials: 'omit', cache: 'no-store', signal: options.signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'OFFLINE', 'You appear to be offline. Check your connection and try again.');
    }
  };

  const response = await attempt();
  if (response.status !== 401 || !correctClock(response)) return response;
  const body = (await response.clone().json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
  return body?.error?.code === 'DEVICE_CLOCK_SKEW' ? attempt() : response;
}

/** A signed request whose JSON answer is returned, or an ApiError thrown. */
export async function deviceRequest<T>(device: StoredDevice, method: 'GET' | 'POST', path: string, options: DeviceFetchOptions = {}): Promise<T> {
  return readResponse<T>(await deviceFetch(device, method, path, options));
}

/** True when the server's clock differs from ours by enough to matter. */
function correctClock(response: Response): boolean {
  const serverTime = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(serverTime)) return false;
  const offset = serverTime - Date.now();
  if (Math.abs(offset - clockOffsetMs) < 5000) return false;
  clockOffsetMs = offset;
  return true;
}

/** Codes that mean this device is no longer trusted: pairing again is the only way on. */
export function isDeviceGone(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'DEVICE_REVOKED' || error.code === 'DEVICE_UNKNOWN');
}
