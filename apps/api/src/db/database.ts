/**
 * Opens the configured database. SQLite and PostgreSQL sit behind the same
 * Kysely instance; the few places where their SQL differs ask `dialect`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Schema } from './schema.ts';

export type Dialect = DatabaseConfig['dialect'];

export interface Database {
  db: Kysely<Schema>;
  dialect: Dialect;
  destroy(): Promise<void>;
}

// int8 (bigint) columns hold epoch milliseconds and GitHub ids: both are safe as JS numbers.
pg.types.setTypeParser(20, (value) => Number(value));

export function openDatabase(config: DatabaseConfig): Database {
  if (config.dialect === 'sqlite') return openSqlite(config.file);
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely prepares every query anew; compiling SQL costs more than running a
 * short indexed query, so reuse statements by their text (least recently used
 * ones are dropped). Safe because better-sqlite3 runs one statement at a time.
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
