/**
 * Remembers until when GitHub told us to stop calling it. An interface, so
 * that several instances can later share it (e.g. one Redis key with an
 * expiry); this one lives in the process.
 */
export interface RateLimitGate {
  /** Epoch ms before which GitHub must not be called, or null when it may be called at `now`. */
  closedUntil(now: number): Promise<number | null>;
  /** Keeps the later of the current and the given time. */
  closeUntil(until: number): Promise<void>;
}

export class MemoryRateLimitGate implements RateLimitGate {
  private until = 0;

  async closedUntil(now: number): Promise<number | null> {
    return this.until > now ? this.until : null;
  }

  async closeUntil(until: number): Promise<void> {
    this.until = Math.max(this.until, until);
  }
}
