/**
 * The current time, shared by every countdown on the page: one timer ticks
 * while at least one component listens, none when nobody does.
 */
import { useSyncExternalStore } from 'react';

const TICK_MS = 500;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** Whole seconds until a moment (milliseconds since the epoch), never below zero; null for no moment. */
export function useSecondsUntil(deadline: number | null): number | null {
  const current = useNow();
  if (deadline === null || Number.isNaN(deadline)) return null;
  return Math.max(0, Math.ceil((deadline - current) / 1000));
}
