/** The rules of kudos: every kudo belongs to one user, and nobody sees or touches another's. */
import type { Kysely } from 'kysely';
import type { Kudo, KudoInput, KudoUpdate } from '#contracts/kudos.ts';
import type { Clock } from '../../core/clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Schema } from '../../db/schema.ts';
import { kudoChangesFromInput, kudoFieldsFromInput } from './kudo-input.ts';
import type { CachedList, KudosListCache } from './kudos-list-cache.ts';
import * as repo from './kudos.repository.ts';

export function toKudo(row: repo.StoredKudo): Kudo {
  return {
    id: row.repo_id,
    repo_name: row.repo_name,
    full_name: row.full_name,
    language: row.language,
    description: row.description,
    repo_url: row.repo_url,
    user_id: row.user_id,
  };
}

export function createKudosService(deps: { db: Kysely<Schema>; clock: Clock; listCache: KudosListCache; maxPerUser: number }) {
  const { db, clock, listCache, maxPerUser } = deps;

  async function list(userId: string): Promise<Kudo[]> {
    return (await repo.listKudos(db, userId)).map(toKudo);
  }

  /** The list as JSON text with its ETag, from the cache when the user's kudos have not changed. */
  async function listJson(userId: string): Promise<CachedList> {
    const cached = listCache.get(userId);
    if (cached) return cached;
    const generation = listCache.generation(userId);
    return listCache.set(userId, generation, JSON.stringify(await list(userId)));
  }

  async function get(userId: string, repoId: number): Promise<Kudo> {
    const row = await repo.findKudo(db, userId, repoId);
    // Another user's kudo is reported exactly like a missing one.
    if (!row) throw new NotFoundError(`No kudo for repository ${repoId}`);
    return toKudo(row);
  }

  /**
   * Idempotent: a repository already kudoed returns the existing kudo and `created: false`, even at
   * the limit. The limit is checked before the insert, so posts racing each other at the very edge
   * can pass it by a few; it bounds size, it is not an invariant.
   */
  async function give(userId: string, input: KudoInput): Promise<{ kudo: Kudo; created: boolean }> {
    const fields = kudoFieldsFromInput(input);
    if ((await repo.countKudos(db, userId)) >= maxPerUser) {
      const existing = await repo.findKudo(db, userId, fields.repo_id);
      if (existing) return { kudo: toKudo(existing), created: false };
      throw new ConflictError('KUDOS_LIMIT_REACHED', `An account holds at most ${maxPerUser} kudos; remove one to give another`);
    }
    const now = clock.now();
    const created = await repo.insertKudoIfAbsent(db, { ...fields, user_id: userId, created_at: now, updated_at: now });
    if (created) await listCache.invalidate(userId);
    return { kudo: await get(userId, fields.repo_id), created };
  }

  async function update(userId: string, repoId: number, input: KudoUpdate): Promise<Kudo> {
    if (input.id !== undefined && input.id !== repoId) {
      throw ValidationError.forField('id', `cannot change (this kudo is for repository ${repoId})`);
    }
    const changes = kudoChangesFromInput(input);
    if (Object.keys(changes).length === 0) await get(userId, repoId);
    else if (!(await repo.updateKudo(db, userId, repoId, changes, clock.now()))) {
      throw new NotFoundError(`No kudo for repository ${repoId}`);
    } else await listCache.invalidate(userId);
    return get(userId, repoId);
  }

  async function remove(userId: string, repoId: number): Promise<void> {
    if (!(await repo.deleteKudo(db, userId, repoId))) throw new NotFoundError(`No kudo for repository ${repoId}`);
    await listCache.invalidate(userId);
  }

  return { list, listJson, get, give, update, remove };
}

export type KudosService = ReturnType<typeof createKudosService>;
