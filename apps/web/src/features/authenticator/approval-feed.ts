/**
 * What a device waits on: the live event stream, reconnected with growing
 * pauses when it drops; while it is down, the list is polled every few
 * seconds instead. Each (re)connection reloads the list, so a payment
 * decided while the stream was down does not linger.
 */
import type { PendingApproval } from '#contracts/payfriend.ts';
import { ApiError } from '../../lib/api-client.ts';
import { followDeviceEvents } from './api/device-events.ts';
import { getApprovals } from './api/get-approvals.ts';
import type { StoredDevice } from './device-store.ts';
import { isDeviceGone } from './device-request.ts';

export const POLL_MS = 5000;
const MAX_PAUSE_MS = 30_000;

export type FeedMode = 'connecting' | 'live' | 'polling';

/** A request that left the list because it was settled elsewhere (another device, the SMS code, expiry). */
export interface SettledApproval {
  approval: PendingApproval;
  status?: string;
  decidedBy?: string;
}

export interface FeedState {
  approvals: PendingApproval[];
  /** Newest first, the last few only. */
  settled: SettledApproval[];
  mode: FeedMode;
  /** The list has been read at least once. */
  loaded: boolean;
  /** Set when the server no longer trusts this device; the feed has stopped. */
  rejected: ApiError | null;
}

export const initialFeedState: FeedState = { approvals: [], settled: [], mode: 'connecting', loaded: false, rejected: null };
const SETTLED_SHOWN = 5;

export interface ApprovalFeed {
  stop(): void;
  /** Takes a payment off the list (decided here). */
  dismiss(paymentId: string): void;
}

function pause(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export function startApprovalFeed(device: StoredDevice, publish: (state: FeedState) => void): ApprovalFeed {
  const abort = new AbortController();
  /** When each entry arrived: a list read that started later knows better. */
  let entries = new Map<string, { approval: PendingApproval; receivedAt: number }>();
  const resolved = new Set<string>();
  let state = initialFeedState;
  let pollTimer: ReturnType<typeof setInterval> | undefined;

  const emit = (patch: Partial<FeedState> = {}) => {
    if (abort.signal.aborted && !patch.rejected) return;
    const approvals = [...entries.values()].map((entry) => entry.approval).sort((a, b) => b.requested_at.localeCompare(a.requested_at));
    state = { ...state, ...patch, approvals };
    publish(state);
  };

  const reject = (error: ApiError) => {
    emit({ rejected: error });
    abort.abort();
    clearInterval(pollTimer);
  };

  async function reload(): Promise<void> {
    const startedAt = Date.now();
    try {
      const list = await getApprovals(device, abort.signal);
      const fresh = new Map<string, { approval: PendingApproval; receivedAt: number }>();
      for (const approval of list) {
        if (!resolved.has(approval.payment_id)) fresh.set(approval.payment_id, { approval, receivedAt: startedAt });
      }
      for (const [id, entry] of entries) if (!fresh.has(id) && entry.receivedAt > startedAt) fresh.set(id, entry);
      entries = fresh;
      emit({ loaded: true });
    } catch (error) {
      if (abort.signal.aborted) return;
      if (isDeviceGone(error)) reject(error as ApiError);
    }
  }

  const startPolling = () => {
    if (pollTimer === undefined) pollTimer = setInterval(() => void reload(), POLL_MS);
  };
  const stopPolling = () => {
    clearInterval(pollTimer);
    pollTimer = undefined;
  };

  async function follow(): Promise<void> {
    let failures = 0;
    let retryMs = 2000;
    while (!abort.signal.aborted) {
      try {
        await followDeviceEvents(device, abort.signal, {
          onOpen: () => {
            failures = 0;
            stopPolling();
            emit({ mode: 'live' });
            void reload();
          },
          onRetry: (milliseconds) => {
            retryMs = Math.max(500, milliseconds);
          },
          onEvent: (event) => {
            if (event.type === 'approval' && !resolved.has(event.approval.payment_id)) {
              entries.set(event.approval.payment_id, { approval: event.approval, receivedAt: Date.now() });
              emit({ loaded: true });
            } else if (event.type === 'resolved') {
              const shown = resolved.has(event.paymentId) ? undefined : entries.get(event.paymentId);
              resolved.add(event.paymentId);
              entries.delete(event.paymentId);
              const settled = shown ? { approval: shown.approval, status: event.status, decidedBy: event.decidedBy } : undefined;
              emit(settled ? { settled: [settled, ...state.settled].slice(0, SETTLED_SHOWN) } : {});
            } else if (event.type === 'revoked') {
              reject(new ApiError(401, 'DEVICE_REVOKED', 'This device was revoked on the Account page.'));
            }
          },
        });
      } catch (error) {
        if (abort.signal.aborted) return;
        if (isDeviceGone(error)) return reject(error as ApiError);
      }
      if (abort.signal.aborted) return;
      failures += 1;
      emit({ mode: 'polling' });
      startPolling();
      if (failures === 1) void reload();
      // Growing pauses with a little jitter, so many phones do not all come back at once.
      const wait = Math.min(MAX_PAUSE_MS, retryMs * 2 ** (failures - 1)) * (0.8 + Math.random() * 0.4);
      await pause(wait, abort.signal);
    }
  }

  void follow();
  return {
    stop() {
      abort.abort();
      stopPolling();
    },
    dismiss(paymentId) {
      resolved.add(paymentId);
      if (entries.delete(paymentId)) emit();
    },
  };
}
