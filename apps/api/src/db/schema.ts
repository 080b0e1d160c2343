/** Row types of every table, as Kysely sees them. Rows are not API objects: services map them. */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: number;
  /** E.164, e.g. +14155550123. */
  phone: string | null;
  phone_verified_at: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  /** Last time the password was re-entered in this session (sensitive actions need a recent one). */
  reauthenticated_at: number | null;
  /** When the person proved who they are to open this session, when not at created_at (external issuer's auth_time). */
  authenticated_at: number | null;
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

export interface PhoneVerificationsTable {
  user_id: string;
  phone: string;
  code_hash: string;
  attempts: number;
  sent_at: number;
  expires_at: number;
}

/** Every SMS sent, whatever the provider; with the local outbox, the only place it goes. */
export interface SmsMessagesTable {
  id: string;
  user_id: string | null;
  to_phone: string;
  body: string;
  provider: string;
  provider_message_id: string | null;
  created_at: number;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  name: string;
  /** The device's ECDSA P-256 public key as a JWK (JSON text). */
  public_key_jwk: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface PairingsTable {
  code_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface UsedNoncesTable {
  scope: string;
  nonce: string;
  expires_at: number;
}

export type PaymentStatus = 'pending' | 'approved' | 'denied' | 'expired';

export interface PaymentsTable {
  seq: Generated<number>;
  /** Public id (UUID). */
  id: string;
  payer_id: string;
  payee: string;
  /** Integer minor units of `currency` (cents for EUR, yen for JPY). */
  amount_minor: number;
  currency: string;
  status: PaymentStatus;
  idempotency_key: string;
  /** Hash of what was asked, so a reused Idempotency-Key with a different request is refused. */
  request_fingerprint: string;
  requested_ip: string | null;
  requested_user_agent: string | null;
  created_at: number;
  expires_at: number;
  decided_at: number | null;
  decided_by: string | null;
}

export interface ChallengesTable {
  payment_id: string;
  nonce: string;
  /** SHA-256 over payment id, payer, payee, amount, currency and nonce (dynamic linking). */
  digest: string;
  /** The id a push provider knows this approval request by (ours: the payment id). */
  push_request_id: string;
  otp_hash: string | null;
  otp_sent_at: number | null;
  otp_expires_at: number | null;
  otp_attempts: number;
}

export interface ScaFailuresTable {
  user_id: string;
  consecutive: number;
  blocked_until: number | null;
}

export interface ExternalIdentitiesTable {
  /** The issuer identifier exactly as its tokens' "iss" says it. */
  issuer: string;
  /** The issuer's "sub": stable for a person, unlike their email. */
  subject: string;
  user_id: string;
  created_at: number;
}

export interface OidcLoginsTable {
  /** SHA-256 of the "state" sent to the issuer. */
  state_hash: string;
  code_verifier: string;
  nonce: string;
  /** A path on this site to land on afterwards. */
  return_to: string;
  /** 1 when the sign-in re-proves a live session for a sensitive action (max_age=0). */
  reauth: number;
  expires_at: number;
}

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  signing_keys: SigningKeysTable;
  kudos: KudosTable;
  catalog_repos: CatalogReposTable;
  phone_verifications: PhoneVerificationsTable;
  sms_messages: SmsMessagesTable;
  devices: DevicesTable;
  pairings: PairingsTable;
  used_nonces: UsedNoncesTable;
  payments: PaymentsTable;
  challenges: ChallengesTable;
  sca_failures: ScaFailuresTable;
  external_identities: ExternalIdentitiesTable;
  oidc_logins: OidcLoginsTable;
}

export type UserRow = Selectable<UsersTable>;
export type KudoRow = Selectable<KudosTable>;
export type NewKudoRow = Insertable<KudosTable>;
export type CatalogRepoRow = Selectable<CatalogReposTable>;
