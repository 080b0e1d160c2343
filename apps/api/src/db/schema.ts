/** Row types of every table, as Kysely sees them. Rows are not API objects: services map them. */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  private_jwk: string;
  public_jwk: string;
  created_at: number;
}

export interface KudosTable {
  /** Insertion order, so "newest first" is exact even within one millisecond. */
  seq: Generated<number>;
  user_id: string;
  repo_id: number;
  repo_name: string;
  full_name: string;
  language: string | null;
  description: string | null;
  repo_url: string;
  created_at: number;
  updated_at: number;
}

export interface CatalogReposTable {
  id: number;
  name: string;
  full_name: string;
  owner_login: string | null;
  description: string | null;
  language: string | null;
  stars: number;
  html_url: string;
  seen_at: number;
}

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  signing_keys: SigningKeysTable;
  kudos: KudosTable;
  catalog_repos: CatalogReposTable;
}

export type UserRow = Selectable<UsersTable>;
export type KudoRow = Selectable<KudosTable>;
export type NewKudoRow = Insertable<KudosTable>;
export type CatalogRepoRow = Selectable<CatalogReposTable>;
