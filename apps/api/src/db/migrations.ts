/**
 * Schema migrations, written once for both dialects. Kysely's migrator keeps
 * a lock table, so several instances starting together migrate only once.
 */
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import type { Database, Dialect } from './database.ts';

function migrations(dialect: Dialect): Record<string, Migration> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    '001_accounts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('expires_at', bigint, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
        await db.schema
          .createTable('signing_keys')
          .addColumn('kid', 'text', (c) => c.primaryKey())
          .addColumn('alg', 'text', (c) => c.notNull())
          .addColumn('private_jwk', 'text', (c) => c.notNull())
          .addColumn('public_jwk', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute();
      },
    },
    '002_kudos': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('kudos')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('repo_id', bigint, (c) => c.notNull())
          .addColumn('repo_name', 'text', (c) => c.notNull())
          .addColumn('full_name', 'text', (c) => c.notNull())
          .addColumn('language', 'text')
          .addColumn('description', 'text')
          .addColumn('repo_url', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('updated_at', bigint, (c) => c.notNull())
          .execute();
        // One kudo per user and repository; also serves lookups by (user, repo).
        await db.schema.createIndex('kudos_user_repo').on('kudos').columns(['user_id', 'repo_id']).unique().execute();
        // Serves "the caller's kudos, newest first" without a sort.
        await db.schema.createIndex('kudos_user_seq').on('kudos').columns(['user_id', 'seq']).execute();
      },
    },
    '003_catalog': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('catalog_repos')
          .addColumn('id', bigint, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('full_name', 'text', (c) => c.notNull())
          .addColumn('owner_login', 'text')
          .addColumn('description', 'text')
          .addColumn('language', 'text')
          .addColumn('stars', bigint, (c) => c.notNull().defaultTo(0))
          .addColumn('html_url', 'text', (c) => c.notNull())
          .addColumn('seen_at', bigint, (c) => c.notNull())
          .execute();
        if (dialect === 'postgres') await createPostgresCatalogIndex(db);
        else await createSqliteCatalogIndex(db);
      },
    },
    '004_payfriend': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('users').addColumn('phone', 'text').execute();
        await db.schema.alterTable('users').addColumn('phone_verified_at', bigint).execute();
        await db.schema.alterTable('sessions').addColumn('reauthenticated_at', bigint).execute();
        await db.schema
          .createTable('phone_verifications')
          .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('phone', 'text', (c) => c.notNull())
          .addColumn('code_hash', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('sent_at', bigint, (c) => c.notNull())
          .addColumn('expires_at', bigint, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sms_messages')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
          .addColumn('to_phone', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('provider', 'text', (c) => c.notNull())
          .addColumn('provider_message_id', 'text')
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sms_messages_user').on('sms_messages').columns(['user_id', 'created_at']).execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('public_key_jwk', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('last_used_at', bigint)
          .addColumn('revoked_at', bigint)
          .execute();
        await db.schema.createIndex('devices_user').on('devices').column('user_id').execute();
        await db.schema
          .createTable('pairings')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('expires_at', bigint, (c) => c.notNull())
          .addColumn('used_at', bigint)
          .execute();
        // Single-use values (device request nonces, callback nonces) remembered until they expire.
        await db.schema
          .createTable('used_nonces')
          .addColumn('scope', 'text', (c) => c.notNull())
          .addColumn('nonce', 'text', (c) => c.notNull())
          .addColumn('expires_at', bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint('used_nonces_pk', ['scope', 'nonce'])
          .execute();
        await db.schema
          .createTable('payments')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('payer_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('payee', 'text', (c) => c.notNull())
          .addColumn('amount_minor', bigint, (c) => c.notNull())
          .addColumn('currency', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('idempotency_key', 'text', (c) => c.notNull())
          .addColumn('request_fingerprint', 'text', (c) => c.notNull())
          .addColumn('requested_ip', 'text')
          .addColumn('requested_user_agent', 'text')
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('expires_at', bigint, (c) => c.notNull())
          .addColumn('decided_at', bigint)
          .addColumn('decided_by', 'text')
          .execute();
        await db.schema.createIndex('payments_payer_key').on('payments').columns(['payer_id', 'idempotency_key']).unique().execute();
        await db.schema.createIndex('payments_payer_seq').on('payments').columns(['payer_id', 'seq']).execute();
        await db.schema.createIndex('payments_pending_expiry').on('payments').columns(['status', 'expires_at']).execute();
        await db.schema
          .createTable('challenges')
          .addColumn('payment_id', 'text', (c) => c.primaryKey().references('payments.id').onDelete('cascade'))
          .addColumn('nonce', 'text', (c) => c.notNull())
          .addColumn('digest', 'text', (c) => c.notNull())
          .addColumn('push_request_id', 'text', (c) => c.notNull().unique())
          .addColumn('otp_hash', 'text')
          .addColumn('otp_sent_at', bigint)
          .addColumn('otp_expires_at', bigint)
          .addColumn('otp_attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // Consecutive failed strong-authentication attempts, across methods, and the block they cause.
        await db.schema
          .createTable('sca_failures')
          .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
          .addColumn('consecutive', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('blocked_until', bigint)
          .execute();
      },
    },
    '005_external_identities': {
      async up(db: Kysely<unknown>) {
        // A person known to an external OpenID Connect issuer, by that issuer's subject identifier.
        await db.schema
          .createTable('external_identities')
          .addColumn('issuer', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint('external_identities_pk', ['issuer', 'subject'])
          .execute();
        await db.schema.createIndex('external_identities_user').on('external_identities').column('user_id').execute();
        // Sign-ins on their way through the issuer: single use, short-lived, readable by every instance.
        await db.schema
          .createTable('oidc_logins')
          .addColumn('state_hash', 'text', (c) => c.primaryKey())
          .addColumn('code_verifier', 'text', (c) => c.notNull())
          .addColumn('nonce', 'text', (c) => c.notNull())
          .addColumn('return_to', 'text', (c) => c.notNull())
          .addColumn('reauth', 'integer', (c) => c.notNull())
          .addColumn('expires_at', bigint, (c) => c.notNull())
          .execute();
      },
    },
    '006_session_authenticated_at': {
      async up(db: Kysely<unknown>) {
        // When the person last proved who they are, if not when the session began: a sign-in through an
        // external issuer may reuse the issuer's older sign-in (its auth_time).
        await db.schema.alterTable('sessions').addColumn('authenticated_at', bigint).execute();
      },
    },
  };
}

async function createSqliteCatalogIndex(db: Kysely<unknown>): Promise<void> {
  // External-content FTS5 table kept in step by triggers.
  await sql`create virtual table catalog_fts using fts5(
    name, full_name, description, language,
    content='catalog_repos', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger catalog_repos_ai after insert on catalog_repos begin
    insert into catalog_fts(rowid, name, full_name, description, language)
    values (new.id, new.name, new.full_name, new.description, new.language);
  end`.execute(db);
  await sql`create trigger catalog_repos_ad after delete on catalog_repos begin
    insert into catalog_fts(catalog_fts, rowid, name, full_name, description, language)
    values ('delete', old.id, old.name, old.full_name, old.description, old.language);
  end`.execute(db);
  await sql`create trigger catalog_repos_au after update on catalog_repos begin
    insert into catalog_fts(catalog_fts, rowid, name, full_name, description, language)
    values ('delete', old.id, old.name, old.full_name, old.description, old.language);
    insert into catalog_fts(rowid, name, full_name, description, language)
    values (new.id, new.name, new.full_name, new.description, new.language);
  end`.execute(db);
}

async function createPostgresCatalogIndex(db: Kysely<unknown>): Promise<void> {
  // Weighted like SQLite's bm25 column weights: name over full name over language over description.
  await sql`alter table catalog_repos add column search tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('simple', replace(full_name, '/', ' ')), 'B') ||
    setweight(to_tsvector('simple', coalesce(language, '')), 'C') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'D')) stored`.execute(db);
  await sql`create index catalog_repos_search on catalog_repos using gin (search)`.execute(db);
}

/** The schema our tables live in on PostgreSQL (the first of search_path); SQLite has none. */
async function currentSchema(database: Database): Promise<string | undefined> {
  if (database.dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  return rows[0]?.schema;
}

export async function migrateToLatest(database: Database): Promise<void> {
  const all = migrations(database.dialect);
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => all },
    // Kysely looks for its bookkeeping tables in every schema unless told which: a second
    // application's tables in another schema of the same PostgreSQL database would be taken for ours.
    migrationTableSchema: await currentSchema(database),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? failed?.migrationName);
    throw new Error(`Database migration failed: ${reason}`, { cause: error });
  }
}
