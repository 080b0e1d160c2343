import { type Static, Type } from 'typebox';

export const LIMITS = {
  repoName: 100,
  fullName: 140,
  language: 64,
  description: 2000,
  url: 500,
} as const;

const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

/** A kudo as the API returns it. `id` is GitHub's numeric repository id. */
export const Kudo = Type.Object({
  id: Type.Integer(),
  repo_name: Type.String(),
  full_name: Type.String(),
  language: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  repo_url: Type.String(),
  user_id: Type.String(),
});
export type Kudo = Static<typeof Kudo>;

/**
 * What clients may post: our own field names, or a search item exactly as
 * GitHub returns it (`name`, `html_url`, `owner`...). Unknown fields are dropped.
 */
export const KudoInput = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  repo_name: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.repoName })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.repoName })),
  full_name: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.fullName })),
  language: Type.Optional(NullableText(LIMITS.language)),
  description: Type.Optional(NullableText(LIMITS.description)),
  repo_url: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.url })),
  html_url: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.url })),
  owner: Type.Optional(Type.Union([Type.Object({ login: Type.Optional(Type.String({ maxLength: 100 })) }), Type.Null()])),
});
export type KudoInput = Static<typeof KudoInput>;

/** PUT takes the same fields, all optional; `id`, if sent, must match the URL's. */
export const KudoUpdate = Type.Partial(KudoInput);
export type KudoUpdate = Static<typeof KudoUpdate>;
