import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { CATALOGUE_PATH, isPublicPath, OPEN_DATA_LICENCE } from '../modules/opendata/linked-data';

/**
 * CORS for the open data only: `/api/public/*` (the catalogue included) and the URI resolver `/id/*`
 * answer any origin, without credentials, and preflight requests are answered there. Every other
 * route sends no CORS header and a preflight to it answers 404, so no other site's script can read
 * an authenticated answer. Public answers also carry their licence and catalogue as `Link` headers.
 */
export async function registerPublicCors(app: FastifyInstance): Promise<void> {
  await app.register(cors, {
    delegator: (request, callback) => {
      if (!isPublicPath(request.url)) return callback(null, { origin: false });
      callback(null, {
        origin: '*',
        credentials: false,
        methods: ['GET', 'HEAD'],
        exposedHeaders: ['Link', 'Content-Disposition', 'X-Request-Id'],
        maxAge: 86_400,
      });
    },
  });
  const link = (publicUrl: string) =>
    `<${OPEN_DATA_LICENCE.uri}>; rel="license", ` +
    `<${publicUrl}${CATALOGUE_PATH}>; rel="describedby"; type="application/ld+json"`;
  app.addHook('onSend', async (request, reply) => {
    if (isPublicPath(request.url) && reply.statusCode < 400) reply.header('link', link(app.config.publicUrl));
  });
}
