import { type Static, Type } from 'typebox';

export const Credentials = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});
export type Credentials = Static<typeof Credentials>;

export const PublicUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
});
export type PublicUser = Static<typeof PublicUser>;

/** What the page gets after register, login, or asking who it is. */
export const SessionInfo = Type.Object({
  user: PublicUser,
  csrf_token: Type.String(),
  /** How this person proves it is them again before a sensitive action: their password, or the external issuer. */
  reauth_with: Type.Union([Type.Literal('password'), Type.Literal('oidc')]),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const AccessToken = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
});
export type AccessToken = Static<typeof AccessToken>;

/** GET /api/auth/providers: ways to sign in besides email and password. */
export const AuthProviders = Type.Object({
  /** An external OpenID Connect issuer; open login_url in the browser (a full navigation, not fetch). */
  oidc: Type.Union([Type.Object({ name: Type.String(), login_url: Type.String() }), Type.Null()]),
});
export type AuthProviders = Static<typeof AuthProviders>;
