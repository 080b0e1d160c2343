/**
 * GET /api/github/search. Query values arrive as text and are checked by
 * search-input.ts, so every broken rule is reported under its own field.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SearchResult } from '#contracts/search.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import { parseSearchQuery, type RawSearchQuery } from './search-input.ts';
import type { SearchService } from './search.service.ts';

const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String()),
  page: Type.Optional(Type.String()),
  per_page: Type.Optional(Type.String()),
});

export function registerSearchRoutes(app: FastifyInstance, deps: { search: SearchService; requireUser: RequireUser }): void {
  app.get(
    '/api/github/search',
    { onRequest: deps.requireUser, schema: { querystring: SearchQuerystring, response: { 200: SearchResult } } },
    async (request, reply) => {
      const result = await deps.search.search(parseSearchQuery(request.query as RawSearchQuery));
      if (result.retry_after !== null) reply.header('retry-after', String(result.retry_after));
      return result;
    },
  );
}
