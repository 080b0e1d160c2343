/** Reads the app's own signing key from its database, so tests can forge tokens that differ in one claim only. */
import BetterSqlite3 from 'better-sqlite3';
import * as jose from 'jose';
import type { AppConfig } from '../apps/api/src/config.ts';

export async function readSigningKey(config: AppConfig): Promise<{ kid: string; privateKey: CryptoKey; publicJwk: jose.JWK }> {
  if (config.database.dialect !== 'sqlite') throw new Error('readSigningKey reads SQLite test databases');
  const sqlite = new BetterSqlite3(config.database.file, { readonly: true });
  try {
    const row = sqlite.prepare('select kid, private_jwk, public_jwk from signing_keys order by created_at desc limit 1').get() as
      | { kid: string; private_jwk: string; public_jwk: string }
      | undefined;
    if (!row) throw new Error('no signing key');
    const privateKey = (await jose.importJWK(JSON.parse(row.private_jwk), 'ES256')) as CryptoKey;
    return { kid: row.kid, privateKey, publicJwk: JSON.parse(row.public_jwk) as jose.JWK };
  } finally {
    sqlite.close();
  }
}
