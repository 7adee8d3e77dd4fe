import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { maxJsonDepth, maxPathIdLength } from './hygiene';
import { webhookPayloadJsonSchema } from '../whatsapp/webhookPayload';
import { apiRoutes, pathParameters } from './routes';
import type { ApiRoute } from './routes';
import { requestComponents, responseComponents } from './schemas';
import type { ResponseComponent } from './schemas';

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** The base path of every API route, the `servers` entry of the document. */
export const apiBasePath = '/api/v1';

const componentRefBase = '#/components/schemas/';

const statusDescriptions: Record<number, string> = {
  400: 'Invalid request (`VALIDATION`, with `fieldErrors`)',
  401: 'Missing or wrong bearer token (`UNAUTHORIZED`)',
  404: 'Not found (`NOT_FOUND`)',
  409: 'Conflict (`CONFLICT`, `ACTIVE_CHAT`, `OPTED_OUT` or `OUTSIDE_WINDOW`)',
  413: 'Body too large (`VALIDATION`)',
  415: 'Wrong content type (`VALIDATION`)',
  422: 'Not a valid WhatsApp number (`INVALID_NUMBER`)',
  429: 'Rate limited (`RATE_LIMITED`, `Retry-After` header)',
  500: 'Unexpected failure (`UNKNOWN`)',
  502: 'WhatsApp unreachable (`NETWORK`)',
};

function packageVersion(): string {
  const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
  const parsed = JSON.parse(text) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}

function jsonSchemasOf(
  components: Record<string, z.ZodMiniType>,
  io: 'input' | 'output',
): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    // Transforms (a phone normalised to E.164) are documented by their input side.
    unrepresentable: 'any',
    uri: (id) => componentRefBase + id,
  });
  const schemas: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    // OpenAPI 3.1 gives components their ids and dialect itself.
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
    schemas[id] = rest;
  }
  return schemas;
}

function ref(component: string): JsonObject {
  return { $ref: componentRefBase + component };
}

function problemResponse(status: number): JsonObject {
  return {
    description: statusDescriptions[status] ?? 'Failure',
    content: { 'application/problem+json': { schema: ref('Problem') } },
  };
}

function queryParameters(route: ApiRoute): JsonObject[] {
  if (!route.query) return [];
  const schema = z.toJSONSchema(route.query, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonObject;
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

function requestBody(route: ApiRoute): JsonObject | undefined {
  if (route.body) {
    return { required: true, content: { 'application/json': { schema: ref(route.body) } } };
  }
  if (route.multipart) {
    const properties: Record<string, JsonObject> = {};
    for (const [name, field] of Object.entries(route.multipart.fields)) {
      const property: JsonObject = { type: 'string', description: field.description };
      if (field.binary) property.contentMediaType = 'application/octet-stream';
      if (field.enum) property.enum = [...field.enum];
      properties[name] = property;
    }
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties, required: Object.keys(properties) },
        },
      },
    };
  }
  return undefined;
}

function successResponse(route: ApiRoute): JsonObject {
  const { component, description } = route.success;
  if (!component) return { description };
  if (route.success.contentType === 'text/event-stream') {
    return {
      description: `${description}; each event's data is a ${component}`,
      // OpenAPI 3.1 cannot type the events of a stream (3.2's itemSchema): an extension names it.
      content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': ref(component) } },
    };
  }
  return { description, content: { 'application/json': { schema: ref(component) } } };
}

function operationOf(route: ApiRoute): JsonObject {
  const parameters: JsonObject[] = [
    ...pathParameters(route.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      description: `Longer than ${maxPathIdLength} characters: \`404\` (no id is that long)`,
      schema: { type: 'string', maxLength: maxPathIdLength },
    })),
    ...queryParameters(route),
    ...(route.headers ?? []).map((header) => ({
      name: header.name,
      in: 'header',
      required: header.required,
      description: header.description,
      schema: { type: 'string' },
    })),
  ];
  const responses: JsonObject = { [String(route.success.status)]: successResponse(route) };
  for (const status of [...route.errors, 401, 500].sort((left, right) => left - right)) {
    responses[String(status)] = problemResponse(status);
  }
  const operation: JsonObject = {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    parameters,
    responses,
  };
  if (route.description) operation.description = route.description;
  const body = requestBody(route);
  if (body) operation.requestBody = body;
  return operation;
}

/** Routes outside `/api/v1`: no token, their own server entry. */
function publicPaths(): Record<string, JsonObject> {
  const rootServer = [{ url: '/' }];
  const jsonAnswer = (component: ResponseComponent, description: string): JsonObject => ({
    description,
    content: { 'application/json': { schema: ref(component) } },
  });
  return {
    '/healthz': {
      servers: rootServer,
      get: {
        operationId: 'health',
        tags: ['Server'],
        summary: 'Liveness check (no token)',
        security: [],
        responses: { '200': jsonAnswer('Health', 'The server is up') },
      },
    },
    '/readyz': {
      servers: rootServer,
      get: {
        operationId: 'readiness',
        tags: ['Server'],
        summary: 'Readiness check (no token): the database answers and the job queue is installed',
        description:
          'For a load balancer: `503` (with `Retry-After` and the reason) while the database is unreachable or ' +
          'the server is shutting down, so requests go to another server; `/healthz` stays `200` meanwhile.',
        security: [],
        responses: { '200': jsonAnswer('Readiness', 'The server can take work'), '503': problemResponse(503) },
      },
    },
    '/webhooks/whatsapp': {
      servers: rootServer,
      description:
        'WhatsApp Cloud API webhooks (Cloud API mode only: mounted when the `WHATSAPP_*` credentials are set). ' +
        'No bearer token: Meta signs every call with the app secret.',
      get: {
        operationId: 'verifyWhatsAppWebhook',
        tags: ['WhatsApp'],
        summary: 'Subscription handshake: echoes hub.challenge when hub.verify_token matches WHATSAPP_VERIFY_TOKEN',
        security: [],
        parameters: [
          { name: 'hub.mode', in: 'query', required: true, schema: { type: 'string', const: 'subscribe' } },
          { name: 'hub.verify_token', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'hub.challenge', in: 'query', required: true, schema: { type: 'string', minLength: 1 } },
        ],
        responses: {
          '200': { description: 'The challenge, echoed', content: { 'text/plain': { schema: { type: 'string' } } } },
          '400': problemResponse(400),
          '403': { ...problemResponse(403), description: 'Wrong verify token or mode (`FORBIDDEN`)' },
        },
      },
      post: {
        operationId: 'receiveWhatsAppWebhook',
        tags: ['WhatsApp'],
        summary: 'Delivery statuses and customer messages from WhatsApp',
        description:
          'Each status and message is applied on its own and idempotently: a message is recorded once per ' +
          'WhatsApp message id, delivery never moves backwards, and a reply window only moves forward, so a ' +
          'payload delivered again (after a 500) applies only what is still missing. Texts with NUL or unpaired ' +
          'surrogates are stored with U+FFFD in their place; timestamps are unix seconds of at most 12 digits ' +
          '(before the year 10000), else 400. Messages from numbers that are not contacts, statuses of messages ' +
          'this server did not send and changes of other fields are acknowledged and ignored.',
        security: [],
        parameters: [
          {
            name: 'X-Hub-Signature-256',
            in: 'header',
            required: true,
            description: '`sha256=` + the hex HMAC-SHA256 of the raw body with the app secret (WHATSAPP_APP_SECRET)',
            schema: { type: 'string', pattern: '^sha256=[0-9a-fA-F]{64}$' },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: webhookPayloadJsonSchema() as JsonObject } } },
        responses: {
          '200': { description: 'Recorded (or nothing in it was for Reachout)' },
          '400': { ...problemResponse(400), description: 'Not JSON, or not a WhatsApp webhook payload (`VALIDATION`)' },
          '401': { ...problemResponse(401), description: 'Missing or wrong signature (`UNAUTHORIZED`)' },
          '413': { ...problemResponse(413), description: 'Body over 3 MB (`VALIDATION`)' },
          '500': { ...problemResponse(500), description: 'Not recorded; WhatsApp delivers it again (`UNKNOWN`)' },
        },
      },
    },
    '/media/{id}': {
      servers: rootServer,
      get: {
        operationId: 'getMedia',
        tags: ['Media'],
        summary: 'An uploaded file (no token: ids are unguessable)',
        security: [],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The file, with its content type', content: { '*/*': { schema: {} } } },
          '404': problemResponse(404),
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document of the reference server, derived from the schemas that validate. */
export function createOpenApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of apiRoutes) {
    const pathItem = paths[route.path] ?? {};
    pathItem[route.method] = operationOf(route);
    paths[route.path] = pathItem;
  }
  Object.assign(paths, publicPaths());
  return {
    openapi: '3.1.0',
    info: {
      title: 'Reachout API',
      version: packageVersion(),
      description:
        'The HTTP contract behind `reachout/rest` (docs/http-api.md). Every failure is `application/problem+json`. ' +
        'No text the API accepts (JSON strings and keys, path parameters, query values, headers, upload filenames) ' +
        'may hold NUL (U+0000) or a lone surrogate: `400 VALIDATION` naming the field. ' +
        `JSON bodies nest at most ${maxJsonDepth} levels deep.`,
    },
    servers: [{ url: apiBasePath }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: { ...jsonSchemasOf(responseComponents, 'output'), ...jsonSchemasOf(requestComponents, 'input') },
    },
  };
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key] as JsonValue);
  return sorted;
}

/** The document as `openapi.json` holds it: keys sorted, two-space indent, final newline. */
export function serializeOpenApiDocument(document: JsonObject = createOpenApiDocument()): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}
