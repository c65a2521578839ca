import { z } from 'zod';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue';
import { ALLOWED_FILE_TYPES } from '../files/store-file';
import type { Access } from './access';
import { SESSION_COOKIE } from './guard';
import { XLSX_TYPE } from './spreadsheet';

/**
 * The OpenAPI document, completed in one place from what the routes already declare, so it cannot
 * drift from them: an operationId from method and path (or the route's own `schema.operationId`),
 * the security requirement from the route's `config.access`, the error responses from its inputs
 * and method (one shared error schema, the envelope the error handler sends), typed downloads from
 * the path's extension (or `config.download`), and `servers` from the configuration.
 */

/** What a download route sends, where its path has no extension saying it. */
type DownloadKind = 'xlsx' | 'csv' | 'pdf' | 'ics' | 'json' | 'jsonld' | 'gzip' | 'stored-file';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route that sends a file: its kinds, for the OpenAPI document (else taken from the path's extension). */
    download?: readonly DownloadKind[];
    /** A route that takes a multipart upload of one file (documented as `multipart/form-data`). */
    upload?: 'file';
  }
}

const MEDIA_TYPES: Record<Exclude<DownloadKind, 'stored-file'>, string> = {
  xlsx: XLSX_TYPE,
  csv: 'text/csv',
  pdf: 'application/pdf',
  ics: 'text/calendar',
  json: 'application/json',
  jsonld: 'application/ld+json',
  gzip: 'application/gzip',
};

function mediaTypesOf(kind: DownloadKind): string[] {
  return kind === 'stored-file' ? Object.keys(ALLOWED_FILE_TYPES) : [MEDIA_TYPES[kind]];
}

function downloadKindsOf(path: string, declared: readonly DownloadKind[] | undefined): DownloadKind[] {
  if (declared) return [...declared];
  const extension = /\.(\w+)$/.exec(path)?.[1];
  return extension && extension in MEDIA_TYPES ? [extension as DownloadKind] : [];
}

// ---- Named component schemas: the error envelope (what `toErrorBody` writes) --------------------

const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

const LocalisedTextSchema = z
  .object({ nl: z.string(), en: z.string() })
  .meta({ id: 'LocalisedText', description: 'A text in Dutch (nl) and English (en).' });

const ErrorDetailSchema = z
  .object({
    path: z.string().meta({ description: 'The field or row concerned, e.g. `body.email` or `row 4.vat`.' }),
    code: z.string().meta({ description: 'What is wrong with it, e.g. `too_small`.' }),
    message: LocalisedTextSchema,
  })
  .meta({ id: 'ErrorDetail', description: 'One problem with one field or row.' });

const ErrorSchema = z
  .object({
    code: z.enum(errorCodes).meta({ description: 'The code from the closed error catalogue.' }),
    message: LocalisedTextSchema,
    details: z.array(ErrorDetailSchema),
    context: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'Facts a client can act on, e.g. `retryAfterSeconds`.' }),
    requestId: z.string().meta({ description: 'The request id, also sent as the `x-request-id` header.' }),
  })
  .meta({ id: 'Error', description: 'Every error answer: a catalogue code and its text in both languages.' });

const ERROR_REF = `#/components/schemas/${String(z.globalRegistry.get(ErrorSchema)?.id)}`;

// ---- Error responses ------------------------------------------------------------------------

const ERROR_RESPONSES: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'The input does not fit: `details` names each field.' },
  '401': { name: 'Unauthenticated', description: 'No valid session or API token.' },
  '403': { name: 'Forbidden', description: 'The account may not do this, or the CSRF token is missing.' },
  '404': { name: 'NotFound', description: 'No such object, or not one this account may see.' },
  '409': { name: 'Conflict', description: 'The change conflicts with the current state of the object.' },
  '500': { name: 'InternalError', description: 'An unexpected error; it is logged under the request id.' },
  default: { name: 'Error', description: 'Any other error of the catalogue, in the same envelope.' },
};

function codesWithStatus(status: number): ErrorCode[] {
  return errorCodes.filter((code) => errorCatalogue[code].status === status);
}

function errorResponseComponents(): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  for (const [status, { name, description }] of Object.entries(ERROR_RESPONSES)) {
    const codes = status === 'default' ? [] : codesWithStatus(Number(status));
    const schema =
      codes.length === 0
        ? { $ref: ERROR_REF }
        : { allOf: [{ $ref: ERROR_REF }, { type: 'object', properties: { code: { enum: codes } } }] };
    components[name] = {
      description: codes.length === 0 ? description : `${description} Codes: ${codes.join(', ')}.`,
      content: { 'application/json': { schema } },
    };
  }
  return components;
}

// ---- Security -------------------------------------------------------------------------------

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie set by `POST /api/auth/login`.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'With a session, every write (POST, PUT, PATCH, DELETE) also sends the `csrfToken` of the login.',
  },
  token: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`POST /api/auth/tokens`); writes need a token with the `write` scope.',
  },
};

const SAFE_METHODS = new Set(['get', 'head', 'options']);

/** OpenAPI 3.1 lets a requirement of a non-OAuth scheme list role names: the roles that may call. */
function securityOf(access: Access | undefined, method: string): Record<string, string[]>[] {
  if (access?.kind === 'public') return [];
  const roles = access ? [...access.roles] : [];
  const session: Record<string, string[]> = SAFE_METHODS.has(method)
    ? { session: roles }
    : { session: roles, csrf: [] };
  return [session, { token: roles }];
}

// ---- operationIds ---------------------------------------------------------------------------

const pascal = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');

/** `GET /api/clusters/{id}/members.xlsx` → `getClustersByIdMembersXlsx`: stable while the route is. */
function deriveOperationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      return param ? `By${pascal(param[1])}` : pascal(segment);
    });
  return method.toLowerCase() + words.join('');
}

// ---- Completing the document ----------------------------------------------------------------

interface RouteFacts {
  access: Access | undefined;
  download: readonly DownloadKind[] | undefined;
  upload: 'file' | undefined;
}

type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId?: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, Json>;
}

const BINARY = { type: 'string', format: 'binary' };
const SUCCESS: Record<string, string> = {
  '200': 'The answer.',
  '201': 'Created: the new object.',
  '204': 'Done; no content.',
};

function completeOperation(
  path: string,
  method: string,
  operation: Operation,
  facts: RouteFacts | undefined,
) {
  operation.operationId ??= deriveOperationId(method, path);
  operation.security = securityOf(facts?.access, method);
  if (facts?.upload === 'file') {
    operation.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', required: ['file'], properties: { file: BINARY } },
        },
      },
    };
  }
  const kinds = downloadKindsOf(path, facts?.download);
  for (const [status, response] of Object.entries(operation.responses)) {
    if (response.description === 'Default Response') response.description = SUCCESS[status] ?? 'The answer.';
    if (!status.startsWith('2') || status === '204') continue;
    if (kinds.length > 0) {
      const content: Json = {};
      for (const type of kinds.flatMap(mediaTypesOf)) content[type] = { schema: BINARY };
      response.content = content;
      response.description = kinds.includes('jsonld')
        ? 'The document (JSON-LD, shown inline; `content-disposition` names it).'
        : 'The file, as a download (`content-disposition: attachment`).';
    }
  }
  const parameters = operation.parameters ?? [];
  // 400 on every operation: the input boundary checks every query string, declared or not.
  const statuses = [
    '400',
    ...(facts?.access?.kind === 'public' ? [] : ['401', '403']),
    ...(parameters.some((parameter) => parameter.in === 'path') ? ['404'] : []),
    ...(SAFE_METHODS.has(method) ? [] : ['409']),
    '500',
    'default',
  ];
  for (const status of statuses) {
    operation.responses[status] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  }
}

/** Component schemas nothing refers to (zod registers each as input and output) are left out. */
function pruneUnusedSchemas(document: Json): void {
  const components = document.components as { schemas?: Json };
  const schemas = components.schemas ?? {};
  for (;;) {
    const text = JSON.stringify({ ...document, components: { ...components, schemas: {} } });
    const used = new Set<string>();
    const referenced = (json: string) => {
      for (const match of json.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) used.add(match[1]);
    };
    referenced(text);
    for (const [name, schema] of Object.entries(schemas))
      if (used.has(name)) referenced(JSON.stringify(schema));
    const unused = Object.keys(schemas).filter((name) => !used.has(name));
    if (unused.length === 0) return;
    for (const name of unused) delete schemas[name];
  }
}

/** The options of @fastify/swagger: the zod transforms plus the completion above. */
export function openapiOptions(publicUrl: string): FastifyDynamicSwaggerOptions {
  const facts = new Map<string, RouteFacts>();
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Speerpunt API',
        version: '0.1.0',
        description:
          'The API of the Flemish cluster-policy platform. Successful answers are `{ data, abilities }` ' +
          '(lists add `page`); every error is the `Error` envelope with its text in Dutch and English.',
      },
      // Where people reach the platform (`PUBLIC_URL`); the API lives under `/api` there.
      servers: [{ url: publicUrl }],
    },
    transform: (input) => {
      const { route, url } = input;
      for (const method of [route.method].flat()) {
        facts.set(`${method.toLowerCase()} ${url.replace(/:(\w+)/g, '{$1}')}`, {
          access: route.config?.access,
          download: route.config?.download,
          upload: route.config?.upload,
        });
      }
      return jsonSchemaTransform(input);
    },
    transformObject: (input) => {
      const document = jsonSchemaTransformObject(input) as Json;
      const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
      const seen = new Map<string, string>();
      for (const [path, operations] of Object.entries(paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          completeOperation(path, method, operation, facts.get(`${method} ${path}`));
          const id = operation.operationId ?? '';
          const other = seen.get(id);
          if (other)
            throw new Error(`OpenAPI: operationId ${id} of ${method} ${path} is also that of ${other}`);
          seen.set(id, `${method} ${path}`);
        }
      }
      const components = (document.components ?? {}) as Json;
      document.components = {
        ...components,
        responses: errorResponseComponents(),
        securitySchemes: SECURITY_SCHEMES,
      };
      pruneUnusedSchemas(document);
      return document;
    },
  };
}
