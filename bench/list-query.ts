/**
 * The kudos list query timed on the database itself, with its plan. Over HTTP
 * the list is answered from a per-user cache, so only the query can show that
 * an index, not a scan, serves it as the table grows.
 */
import { CompiledQuery } from 'kysely';
import type { DatabaseConfig } from '../apps/api/src/config.ts';
import { openDatabase } from '../apps/api/src/db/database.ts';
import { listKudosQuery } from '../apps/api/src/modules/kudos/kudos.repository.ts';
import { percentile } from './load.ts';

export interface ListQueryTiming {
  rowsReturned: number;
  p50Us: number;
  p99Us: number;
  plan: string[];
}

export async function timeListQuery(config: DatabaseConfig, email: string, iterations: number): Promise<ListQueryTiming> {
  const database = openDatabase(config);
  try {
    const { db } = database;
    const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const query = listKudosQuery(db, user.id);
    const compiled = query.compile();
    const explain = database.dialect === 'postgres' ? 'explain ' : 'explain query plan ';
    const planRows = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(explain + compiled.sql, [...compiled.parameters]));
    const plan = planRows.rows.map((row) => String(row['QUERY PLAN'] ?? row.detail ?? JSON.stringify(row)));

    let rowsReturned = 0;
    for (let i = 0; i < 200; i++) rowsReturned = (await query.execute()).length; // warm-up
    const micros: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = process.hrtime.bigint();
      await query.execute();
      micros.push(Number(process.hrtime.bigint() - started) / 1000);
    }
    return { rowsReturned, p50Us: Math.round(percentile(micros, 50)), p99Us: Math.round(percentile(micros, 99)), plan };
  } finally {
    await database.destroy();
  }
}
