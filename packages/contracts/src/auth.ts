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
});
export type SessionInfo = Static<typeof SessionInfo>;

export const AccessToken = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
});
export type AccessToken = Static<typeof AccessToken>;
