/**
 * Tokens already verified, until they expire: verifying a signature costs
 * ~150 µs, a map lookup well under one. Keyed by the token text itself: a
 * SHA-256 of it was a measurable share of each request, and hashing would hide
 * nothing from anyone able to read this process's memory (the signing keys are
 * there too). Bounded: the oldest entry goes first.
 */

export interface Expiring {
  /** Seconds since the epoch (the token's exp). */
  expiresAt: number;
}

export class VerifiedTokenCache<T extends Expiring> {
  private readonly entries = new Map<string, T>();

  constructor(
    /** Seconds a token is still taken after its exp, as verification allows. */
    private readonly toleranceSeconds: number,
    private readonly limit = 10_000,
  ) {}

  get(key: string, nowSeconds: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt + this.toleranceSeconds > nowSeconds) return entry;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T): void {
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }
}
