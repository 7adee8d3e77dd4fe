import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTemplateMessage, parseTemplate, type MessageTemplate, type Sender, type TemplateParameters, type Ticket } from 'reachout/core';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const apiToken = 'process-test-token';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ReadyServer extends ServerProcess {
  readonly url: string;
  /** Authenticated `fetch` against `/api/v1`. */
  api(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function makeTemporaryDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reachout-process-'));
}

/**
 * Spawns `server/src/main.ts` on this Node (24) with tsx, as `npx tsx server/src/main.ts` would,
 * but as one process, so signals reach the server itself. Inherited variables that would change
 * the server's mode (DATABASE_URL, WHATSAPP_*, ...) are blanked.
 */
export function spawnServer(environment: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REACHOUT_STATIC_DIR: '',
      WHATSAPP_TOKEN: '',
      WHATSAPP_PHONE_NUMBER_ID: '',
      WHATSAPP_BUSINESS_ACCOUNT_ID: '',
      WHATSAPP_APP_SECRET: '',
      WHATSAPP_VERIFY_TOKEN: '',
      HOST: '127.0.0.1',
      PORT: '0',
      REACHOUT_API_TOKEN: apiToken,
      REACHOUT_SEED: '0',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  if (child.pid === undefined) throw new Error('Could not spawn the server process');
  return { child, pid: child.pid, output: () => output, exited };
}

/** Waits for the "listening on <url>" line; fails with the process output if it exits first. */
export async function startServer(environment: Record<string, string>, timeoutMs = 90_000): Promise<ReadyServer> {
  const server = spawnServer(environment);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      server.child.kill('SIGKILL');
      reject(new Error(`The server did not say it was listening within ${timeoutMs} ms. Output:\n${server.output()}`));
    }, timeoutMs);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(server.output());
      if (match?.[1]) {
        clearTimeout(timer);
        server.child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    server.child.stdout?.on('data', check);
    void server.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (code ${code}, signal ${signal}) before listening. Output:\n${server.output()}`));
    });
  });
  return {
    ...server,
    url,
    api: (pathAndQuery, init = {}) =>
      fetch(`${url}/api/v1${pathAndQuery}`, {
        ...init,
        headers: { Authorization: `Bearer ${apiToken}`, ...(init.headers as Record<string, string> | undefined) },
      }),
    async stop(signal = 'SIGTERM') {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
      return server.exited;
    },
  };
}

export async function json<T>(response: Response, expectedStatus: number): Promise<T> {
  const text = await response.text();
  if (response.status !== expectedStatus) {
    throw new Error(`Expected ${expectedStatus}, got ${response.status}: ${text}`);
  }
  return JSON.parse(text) as T;
}

/** Creates a contact (no chats, so nothing blocks a send) and sends it an approved template. */
export async function sendNotification(server: ReadyServer): Promise<{ ticket: Ticket; key: string; body: string }> {
  const { key, body } = await prepareNotification(server);
  const ticket = await json<Ticket>(await postNotification(server, key, body), 201);
  return { ticket, key, body };
}

/** Creates a contact (no chats, so nothing blocks a send) and answers the body of a send of an approved template to it. */
export async function prepareNotification(server: ReadyServer): Promise<{ key: string; body: string }> {
  // A French mobile number; the simulator fails numbers ending in 0000, so they are avoided.
  const phone = `+3361${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}7`;
  const contact = await json<{ id: string; phone: string }>(
    await server.api('/contacts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Process Test ${phone}`, phone }),
    }),
    201,
  );
  const { items: senders } = await json<{ items: Sender[] }>(await server.api('/senders'), 200);
  const sender = senders[0];
  if (!sender) throw new Error('The seeded server has no sender');
  const { items: templates } = await json<{ items: MessageTemplate[] }>(
    await server.api(`/senders/${encodeURIComponent(sender.id)}/templates?limit=100`),
    200,
  );
  const template = templates.find((candidate) => candidate.status === 'APPROVED' && parseTemplate(candidate).mediaHeader === null);
  if (!template) throw new Error(`Sender ${sender.id} has no approved template without a media header`);
  const parameters = exampleParameters(template);
  const key = `process-test-${Math.random().toString(36).slice(2)}`;
  const body = JSON.stringify({
    idempotencyKey: key,
    contactId: contact.id,
    senderId: sender.id,
    to: contact.phone,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message: buildTemplateMessage({ to: contact.phone, template, parameters }),
    ticket: { priority: 'medium', assigneeId: null, description: 'Sent by a process test' },
  });
  return { key, body };
}

export function postNotification(server: ReadyServer, key: string, body: string): Promise<Response> {
  return server.api('/notifications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body,
  });
}

/** Each variable filled with Meta's example for it, or a placeholder. */
export function exampleParameters(template: MessageTemplate): TemplateParameters {
  const parsed = parseTemplate(template);
  const parameters: TemplateParameters = {};
  for (const variable of parsed.variables) {
    const value = variable.example ?? 'sample';
    if (variable.component === 'header') parameters.header = { type: 'text', text: value };
    if (variable.component === 'body') parameters.body = { ...parameters.body, [variable.key]: value };
    if (variable.component === 'button') parameters.buttons = { ...parameters.buttons, [variable.buttonIndex ?? 0]: 'sample' };
  }
  return parameters;
}

export interface ServerSentEvent {
  id: string;
  event: string;
  data: unknown;
}

export interface EventStreamReader {
  readonly events: ServerSentEvent[];
  /** Resolves with the events so far once `done(events)` holds; rejects after `timeoutMs`. */
  waitFor(done: (events: ServerSentEvent[]) => boolean, timeoutMs?: number): Promise<ServerSentEvent[]>;
  close(): void;
}

/** Reads `/api/v1/events` with fetch (Node has no EventSource), optionally resuming after `lastEventId`. */
export async function openEventStream(server: ReadyServer, lastEventId?: string): Promise<EventStreamReader> {
  const controller = new AbortController();
  const response = await server.api('/events', {
    headers: { Accept: 'text/event-stream', ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }) },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`GET /events answered ${response.status}`);
  const events: ServerSentEvent[] = [];
  const listeners = new Set<() => void>();
  let streamError: unknown;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const name = colon === -1 ? line : line.slice(0, colon);
            const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
            fields.set(name, fields.has(name) && name === 'data' ? `${fields.get(name)}\n${value}` : value);
          }
          const data = fields.get('data');
          if (data === undefined) continue;
          events.push({ id: fields.get('id') ?? '', event: fields.get('event') ?? 'message', data: JSON.parse(data) });
          for (const listener of listeners) listener();
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) streamError = error;
    }
    for (const listener of listeners) listener();
  })();
  return {
    events,
    waitFor(done, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (done(events)) {
            cleanup();
            resolve([...events]);
          } else if (streamError) {
            cleanup();
            reject(new Error(`The event stream failed: ${String(streamError)}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out waiting for events; got ${JSON.stringify(events.map(({ id, event }) => ({ id, event })))}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

/** The `ticket.updated` events for one ticket. */
export function ticketUpdates(events: readonly ServerSentEvent[], ticketId: string): Array<{ id: string; ticket: Ticket }> {
  return events.flatMap((event) => {
    const data = event.data as { type?: string; ticket?: Ticket };
    return event.event === 'ticket.updated' && data.ticket?.id === ticketId ? [{ id: event.id, ticket: data.ticket }] : [];
  });
}
