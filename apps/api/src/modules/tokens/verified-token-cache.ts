/**
 * Tokens already verified, by SHA-256, until they expire: verifying a
 * signature costs far more than a hash. Bounded: the oldest entry goes first.
 */
import { createHash } from 'node:crypto';

export interface Expiring {
  /** Seconds since the epoch (the token's exp). */
  expiresAt: number;
}

export class VerifiedTokenCache<T extends Expiring> {
  private readonly entries = new Map<string, T>();

  constructor(
    private readonly limit: number,
    /** Seconds a token is still taken after its exp, as verification allows. */
    private readonly toleranceSeconds: number,
  ) {}

  static keyOf(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

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
