import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from './db/types';
import type { Config } from '../config';
import { registerErrorHandling } from './http/error-handler';
import { registerGuard } from './http/guard';
import { registerInputBoundary } from './http/input-boundary';
import { registerPublicCors } from './http/public-cors';
import { publicAccess } from './http/access';
import { openapiOptions } from './http/openapi';
import { AppError, toErrorBody } from './errors/app-error';
import { featureModules } from './modules';

export interface BuildAppOptions {
  db: Kysely<DB>;
  config: Config;
  /** The server's clock; tests pass a fixed one to exercise deadlines. */
  clock?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** The embedded database's dump (PGlite `dumpDataDir`), for `POST /api/admin/backup`. */
  dumpDatabase?: () => Promise<Blob>;
}

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, for the authorization-matrix test and diagnostics. */
    routeCatalogue: RouteEntry[];
    dumpDatabase: (() => Promise<Blob>) | undefined;
  }
}

/** Paths of built files (scripts, styles, images, fonts): a miss is a 404, never the app's page. */
const STATIC_ASSET =
  /\.(?:js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|json|txt|webmanifest)$/i;
function isStaticAsset(pathName: string): boolean {
  return pathName.startsWith('/assets/') || STATIC_ASSET.test(pathName);
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** Calendar feeds authenticate by a token in the path (or `token=` query): never log it. */
export function redactUrl(url: string): string {
  return (
    url
      .replace(/(\/api\/partnership\/calendar\/)[^/?#]+?(\.ics)?(?=$|[?#])/, '$1[redacted]$2')
      // `code` and `state` of an identity provider's answer (the callback) are one-time secrets too.
      .replace(/([?&](?:token|key|secret|code|state)=)[^&#]*/gi, '$1[redacted]')
  );
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    // Secrets never reach the log: credentials, cookies and any password field.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
      ],
      censor: '[redacted]',
    },
  };
}

/**
 * Fastify's own hop count trusts no peer at all (it cannot check the immediate peer), so a hop
 * count becomes a function that trusts the nearest `hops` addresses: the client address is the
 * entry the last trusted proxy appended, never one the client wrote itself.
 */
function trustProxyOption(trust: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return trust;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1_048_576,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    // A slow (or stalled) request body is cut off: the whole request must arrive within the limit,
    // checked every second, so a client cannot hold connections open.
    requestTimeout: config.requestTimeoutSeconds * 1000,
    http: {
      headersTimeout: Math.min(config.requestTimeoutSeconds * 1000, 20_000),
      connectionsCheckingInterval: 1000,
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);
  app.decorate('dumpDatabase', options.dumpDatabase);
  app.decorate('config', config);
  app.decorate('clock', options.clock ?? (() => new Date()));

  const routeCatalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', routeCatalogue);
  // Routes outside /api are the web app's static files; documentation pages are public too.
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeCatalogue.push({ method, url });
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: route.config?.access ?? publicAccess };
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  // Uploads: one file per request, 10 MB at most; routes check type and size again on content.
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes for layout variables.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        // PDF attachments are shown in a frame of the proposal page (same origin only).
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Served over plain HTTP on localhost in development; HTTPS is the proxy's job.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  registerErrorHandling(app);
  registerGuard(app);
  registerInputBoundary(app);
  await registerPublicCors(app);

  await app.register(swagger, openapiOptions(config.publicUrl));
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  for (const featureModule of featureModules) await app.register(featureModule);

  app.get('/api/openapi.json', { config: { access: publicAccess }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const indexFile = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      // wildcard: files built after start (a rebuild) are served too; misses fall to the SPA handler.
      wildcard: true,
      index: false,
      // Directories are never listed nor refused with 403: `/` and `/calls/` are pages of the app.
      allowedPath: (pathName) => !pathName.endsWith('/'),
      maxAge: '1h',
      setHeaders: (res, filePath) => {
        if (filePath.endsWith('.html')) res.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathName = request.url.split('?')[0];
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      hasWeb &&
      !pathName.startsWith('/api/') &&
      pathName !== '/api' &&
      !isStaticAsset(pathName);
    if (wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send(toErrorBody(new AppError('NOT_FOUND'), request.id));
  });
  return app;
}
