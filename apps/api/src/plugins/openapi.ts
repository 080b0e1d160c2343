/** Publishes the API's OpenAPI description, generated from the route schemas, at /api/openapi.json. */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

export async function installOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Kudos and Payfriend API', version: '1.0.0' },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          session: { type: 'apiKey', in: 'cookie', name: 'sid' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
