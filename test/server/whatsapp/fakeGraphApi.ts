import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageTemplate } from 'reachout/core';

/** One request as the fake Graph API received it. */
export interface RecordedGraphRequest {
  method: string;
  /** Path and query, e.g. `/v27.0/106540352242922/messages`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `undefined` for a GET. */
  body: unknown;
  /** When it arrived, `performance.now()` of this process (benchmarks measure pick-up delays with it). */
  at: number;
}

/** An answer queued with `failNext`: an HTTP status, a body (JSON unless a string) and headers. */
export interface FakeGraphAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Only a request with this method gets the answer (e.g. `POST`: a send, not the template reads before it). */
  method?: string;
}

export interface FakeGraphApiOptions {
  accessToken: string;
  phoneNumberId: string;
  businessAccountId: string;
  templates?: MessageTemplate[];
  /** Templates per page, at most the request's `limit`. */
  pageSize?: number;
  /** Overrides the `paging.next` link of the first page (to test where the client follows it). */
  firstPageNext?: string;
  /** What `GET /{version}/{phone-number-id}` tells about the business number; see {@link defaultPhoneNumber}. */
  phoneNumber?: FakePhoneNumber;
}

/** A business phone number as the Graph API describes it (`WhatsAppBusinessPhoneNumber`). */
export type FakePhoneNumber = Record<string, string>;

/** Meta's sample business number: connected, rated green, with an approved display name. */
export const defaultPhoneNumber: FakePhoneNumber = {
  display_phone_number: '+1 631-555-5555',
  verified_name: "Jasper's Market",
  quality_rating: 'GREEN',
  code_verification_status: 'VERIFIED',
  name_status: 'APPROVED',
  status: 'CONNECTED',
  platform_type: 'CLOUD_API',
  messaging_limit_tier: 'TIER_1K',
};

export interface FakeGraphApi {
  /** `http://127.0.0.1:<port>`: pass it as `graphUrl`. */
  url: string;
  requests: RecordedGraphRequest[];
  /** The `wamid` of every accepted send, in order. */
  acceptedMessageIds: string[];
  /** The next request (any route, or any with `answer.method`) gets this answer instead of the normal one. */
  failNext(answer: FakeGraphAnswer): void;
  /** Changes what the business number answers from now on (e.g. its quality drops). */
  setPhoneNumber(phoneNumber: FakePhoneNumber): void;
  /** Changes the business account's templates from now on (e.g. one is rejected). */
  setTemplates(templates: MessageTemplate[]): void;
  /** How many `GET …/message_templates` requests arrived (each page counts). */
  templateRequests(): number;
  /**
   * From now on template reads and sends get no answer (as from a Graph API that hangs); resolves
   * once one such request is waiting. `release` drops the waiting ones and answers normally again.
   */
  hold(): { waiting: Promise<void>; release: () => void };
  close(): Promise<void>;
}

/** The Graph error body Meta answers with, e.g. for code 131026. */
export function graphError(fields: {
  message: string;
  code: number;
  type?: string;
  error_subcode?: number;
  details?: string;
}): { error: Record<string, unknown> } {
  return {
    error: {
      message: fields.message,
      type: fields.type ?? 'OAuthException',
      code: fields.code,
      ...(fields.error_subcode === undefined ? {} : { error_subcode: fields.error_subcode }),
      ...(fields.details === undefined ? {} : { error_data: { messaging_product: 'whatsapp', details: fields.details } }),
      fbtrace_id: `A${randomBytes(8).toString('hex')}`,
    },
  };
}

function newMessageId(): string {
  return `wamid.${randomBytes(24).toString('base64')}`;
}

/**
 * A stand-in for `graph.facebook.com` on 127.0.0.1: `POST /{version}/{phone-number-id}/messages`,
 * `GET /{version}/{phone-number-id}` and `GET /{version}/{waba-id}/message_templates` with Meta's documented answers (bearer token
 * check, `{ messaging_product, contacts, messages: [{ id }] }`, cursor paging with absolute
 * `paging.next` links, Graph error bodies).
 */
export async function startFakeGraphApi(options: FakeGraphApiOptions): Promise<FakeGraphApi> {
  const requests: RecordedGraphRequest[] = [];
  const acceptedMessageIds: string[] = [];
  const failures: FakeGraphAnswer[] = [];
  let templates = options.templates ?? [];
  let phoneNumber = options.phoneNumber ?? defaultPhoneNumber;
  let baseUrl = '';
  let held: { parked: ServerResponse[]; arrived: () => void } | null = null;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', baseUrl);
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      requests.push({ method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body, at: performance.now() });

      const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        const isText = typeof payload === 'string';
        response.writeHead(status, {
          'Content-Type': isText ? 'text/html; charset=utf-8' : 'application/json; charset=UTF-8',
          ...headers,
        });
        response.end(isText ? payload : JSON.stringify(payload));
      };

      const failureIndex = failures.findIndex((failure) => failure.method === undefined || failure.method === request.method);
      const [failure] = failureIndex === -1 ? [] : failures.splice(failureIndex, 1);
      if (failure !== undefined) return answer(failure.status, failure.body, failure.headers);

      if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
        return answer(
          401,
          graphError({ message: 'Invalid OAuth access token - Cannot parse access token', code: 190 }),
          { 'WWW-Authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"' },
        );
      }

      const [, version, node, edge, ...rest] = url.pathname.split('/');
      if (version === undefined || !/^v\d+\.\d+$/.test(version) || rest.length > 0) {
        return answer(400, graphError({ message: `Unknown path components: ${url.pathname}`, code: 2500 }));
      }

      const isSend = request.method === 'POST' && node === options.phoneNumberId && edge === 'messages';
      const isTemplateRead = request.method === 'GET' && node === options.businessAccountId && edge === 'message_templates';
      if (held && (isSend || isTemplateRead)) {
        held.parked.push(response);
        held.arrived();
        return;
      }

      if (request.method === 'POST' && node === options.phoneNumberId && edge === 'messages') {
        const to = typeof body === 'object' && body !== null && 'to' in body ? String(body.to) : '';
        const messageId = newMessageId();
        acceptedMessageIds.push(messageId);
        return answer(200, {
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }],
          messages: [{ id: messageId, message_status: 'accepted' }],
        });
      }

      if (request.method === 'GET' && node === options.phoneNumberId && edge === undefined) {
        // Like Graph: the requested fields that exist, and always the id.
        const requested = url.searchParams.get('fields')?.split(',') ?? Object.keys(phoneNumber);
        const fields = Object.fromEntries(requested.filter((name) => name in phoneNumber).map((name) => [name, phoneNumber[name]]));
        return answer(200, { ...fields, id: options.phoneNumberId });
      }

      if (request.method === 'GET' && node === options.businessAccountId && edge === 'message_templates') {
        const limit = Number(url.searchParams.get('limit') ?? '25');
        const pageSize = Math.min(limit, options.pageSize ?? limit);
        const start = Number(url.searchParams.get('after') ?? '0');
        const page = templates.slice(start, start + pageSize);
        const nextStart = start + page.length;
        const paging: Record<string, unknown> = {
          cursors: { before: String(start), after: String(nextStart) },
        };
        if (nextStart < templates.length) {
          const next = new URL(url.pathname, baseUrl);
          next.searchParams.set('fields', url.searchParams.get('fields') ?? '');
          next.searchParams.set('limit', String(limit));
          next.searchParams.set('after', String(nextStart));
          paging.next = start === 0 && options.firstPageNext !== undefined ? options.firstPageNext : next.href;
        }
        return answer(200, { data: page, paging });
      }

      return answer(
        400,
        graphError({
          message: `Unsupported ${request.method ?? ''} request. Object with ID '${node ?? ''}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          code: 100,
          type: 'GraphMethodException',
          error_subcode: 33,
        }),
      );
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    requests,
    acceptedMessageIds,
    failNext(answer) {
      failures.push(answer);
    },
    setPhoneNumber(next) {
      phoneNumber = next;
    },
    setTemplates(next) {
      templates = next;
    },
    hold() {
      let arrived!: () => void;
      const waiting = new Promise<void>((resolve) => (arrived = resolve));
      const current = { parked: [] as ServerResponse[], arrived };
      held = current;
      return {
        waiting,
        release: () => {
          if (held === current) held = null;
          for (const response of current.parked) response.destroy();
        },
      };
    },
    templateRequests: () =>
      requests.filter((request) => request.method === 'GET' && new URL(request.url, baseUrl).pathname.endsWith('/message_templates')).length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
