import type { Kysely } from 'kysely';
import type { KudoRow, NewKudoRow, Schema } from '../../db/schema.ts';

const COLUMNS = ['repo_id', 'repo_name', 'full_name', 'language', 'description', 'repo_url', 'user_id'] as const;
export type StoredKudo = Pick<KudoRow, (typeof COLUMNS)[number]>;

/** The owner's kudos, newest first (served by the (user_id, seq) index; the benchmark shows its plan). */
export function listKudosQuery(db: Kysely<Schema>, userId: string) {
  return db.selectFrom('kudos').select(COLUMNS).where('user_id', '=', userId).orderBy('seq', 'desc');
}

export async function listKudos(db: Kysely<Schema>, userId: string): Promise<StoredKudo[]> {
  return listKudosQuery(db, userId).execute();
}

export async function countKudos(db: Kysely<Schema>, userId: string): Promise<number> {
  const row = await db.selectFrom('kudos').select((eb) => eb.fn.countAll<number | string>().as('n')).where('user_id', '=', userId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findKudo(db: Kysely<Schema>, userId: string, repoId: number): Promise<StoredKudo | undefined> {
  return db
    .selectFrom('kudos')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .where('repo_id', '=', repoId)
    .executeTakeFirst();
}

/** Inserts unless (user, repo) exists; the unique index decides, so concurrent posts cannot duplicate. */
export async function insertKudoIfAbsent(db: Kysely<Schema>, row: NewKudoRow): Promise<boolean> {
  const result = await db
    .insertInto('kudos')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'repo_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export type KudoChanges = Partial<Pick<KudoRow, 'repo_name' | 'full_name' | 'language' | 'description' | 'repo_url'>>;

export async function updateKudo(
  db: Kysely<Schema>,
  userId: string,
  repoId: number,
  changes: KudoChanges,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('kudos')
    .set({ ...changes, updated_at: now })
    .where('user_id', '=', userId)
    .where('repo_id', '=', repoId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteKudo(db: Kysely<Schema>, userId: string, repoId: number): Promise<boolean> {
  const result = await db.deleteFrom('kudos').where('user_id', '=', userId).where('repo_id', '=', repoId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
