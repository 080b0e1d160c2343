/**
 * The kudos REST API. Single-kudo routes answer under both /api/kudos/:id and
 * /api/kudo/:id: existing clients use both spellings.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Kudo, KudoInput, KudoUpdate } from '#contracts/kudos.ts';
import { BadRequestError } from '../../core/errors.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { KudosService } from './kudos.service.ts';

const IdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,16}$', errorMessage: 'must be a positive integer (a GitHub repository id)' }),
});

function repoIdFrom(params: unknown): number {
  const id = Number((params as { id: string }).id);
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new BadRequestError('INVALID_PARAMETER', 'id must be a positive integer', [
      { field: 'id', message: 'must be a positive integer' },
    ]);
  }
  return id;
}

export function registerKudosRoutes(app: FastifyInstance, deps: { kudos: KudosService; requireUser: RequireUser }): void {
  const { kudos, requireUser } = deps;
  const callerId = (request: { caller: { userId: string } | null }) => request.caller!.userId;

  // Served as cached JSON text with an ETag: clients that revalidate get 304 and no body.
  const listSchema = { response: { 200: Type.Array(Kudo), 304: Type.Null({ description: 'Not modified (If-None-Match)' }) } };
  app.get('/api/kudos', { onRequest: requireUser, schema: listSchema }, async (request, reply) => {
    const { body, etag } = await kudos.listJson(callerId(request));
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.post(
    '/api/kudos',
    { onRequest: requireUser, schema: { body: KudoInput, response: { 200: Kudo, 201: Kudo } } },
    async (request, reply) => {
      const { kudo, created } = await kudos.give(callerId(request), request.body as KudoInput);
      return reply.status(created ? 201 : 200).send(kudo);
    },
  );

  for (const base of ['/api/kudos', '/api/kudo']) {
    app.get(`${base}/:id`, { onRequest: requireUser, schema: { params: IdParams, response: { 200: Kudo } } }, async (request) =>
      kudos.get(callerId(request), repoIdFrom(request.params)),
    );

    app.put(
      `${base}/:id`,
      { onRequest: requireUser, schema: { params: IdParams, body: KudoUpdate, response: { 200: Kudo } } },
      async (request) => kudos.update(callerId(request), repoIdFrom(request.params), request.body as KudoUpdate),
    );

    app.delete(`${base}/:id`, { onRequest: requireUser, schema: { params: IdParams } }, async (request, reply) => {
      await kudos.remove(callerId(request), repoIdFrom(request.params));
      return reply.status(204).send();
    });
  }
}
