/** SQL for consecutive failed strong authentications and the blocks they cause. */
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../db/schema.ts';

export async function findBlockedUntil(db: Kysely<Schema>, userId: string): Promise<number | null> {
  const row = await db.selectFrom('sca_failures').select('blocked_until').where('user_id', '=', userId).executeTakeFirst();
  return row?.blocked_until ?? null;
}

/**
 * Counts one failure in a single upsert, so simultaneous failures all count.
 * The failure that reaches `maxFailures` sets the block and starts the count again.
 */
export async function recordFailure(
  db: Kysely<Schema>,
  userId: string,
  rule: { maxFailures: number; blockUntil: number },
): Promise<{ consecutive: number; blockedUntil: number | null }> {
  const { maxFailures, blockUntil } = rule;
  const blocksAtOnce = maxFailures <= 1;
  const row = await db
    .insertInto('sca_failures')
    .values({ user_id: userId, consecutive: blocksAtOnce ? 0 : 1, blocked_until: blocksAtOnce ? blockUntil : null })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        consecutive: sql<number>`case when sca_failures.consecutive + 1 >= ${maxFailures} then 0 else sca_failures.consecutive + 1 end`,
        blocked_until: sql<number | null>`case when sca_failures.consecutive + 1 >= ${maxFailures} then cast(${blockUntil} as bigint) else sca_failures.blocked_until end`,
      }),
    )
    .returning(['consecutive', 'blocked_until'])
    .executeTakeFirstOrThrow();
  return { consecutive: row.consecutive, blockedUntil: row.blocked_until };
}

export async function resetFailures(db: Kysely<Schema>, userId: string): Promise<void> {
  await db.updateTable('sca_failures').set({ consecutive: 0 }).where('user_id', '=', userId).where('consecutive', '>', 0).execute();
}
