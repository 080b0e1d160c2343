/**
 * Consecutive failed strong authentications, counted per user across methods
 * (wrong SMS codes, device signatures that do not verify). Enough of them in a
 * row block the user from authorising for a while; a success starts the count again.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Schema } from '../../db/schema.ts';
import { ScaBlockedError } from './payment-errors.ts';
import * as repo from './sca.repository.ts';

export interface ScaRules {
  maxConsecutiveFailures: number;
  blockSeconds: number;
}

export function createScaGuard(deps: { db: Kysely<Schema>; clock: Clock; rules: ScaRules }) {
  const { db, clock, rules } = deps;

  async function assertNotBlocked(userId: string): Promise<void> {
    const blockedUntil = await repo.findBlockedUntil(db, userId);
    const now = clock.now();
    if (blockedUntil !== null && blockedUntil > now) throw new ScaBlockedError(blockedUntil, now);
  }

  async function recordFailure(userId: string): Promise<void> {
    await repo.recordFailure(db, userId, {
      maxFailures: rules.maxConsecutiveFailures,
      blockUntil: clock.now() + rules.blockSeconds * 1000,
    });
  }

  async function recordSuccess(userId: string): Promise<void> {
    await repo.resetFailures(db, userId);
  }

  return { assertNotBlocked, recordFailure, recordSuccess };
}

export type ScaGuard = ReturnType<typeof createScaGuard>;
