import { buildTemplateMessage } from 'reachout/core';
import type { Contact, SendNotificationInput } from 'reachout/core';
import { contractFixtures } from 'reachout/testing';
import { createApp } from '../../../server/src/http/app';
import type { AppOptions } from '../../../server/src/http/app';
import { createMemoryBackend } from '../memoryBackend';
import type { MemoryBackendOptions } from '../memoryBackend';

export const token = 'test-token-0123456789';
export const origin = 'http://reachout.test';

export function contactNamed(name: string): Contact {
  const contact = contractFixtures.contacts.find((candidate) => candidate.name === name);
  if (!contact) throw new Error(`contractFixtures has no contact named ${name}`);
  return contact;
}

export function createTestApp(
  options: { backend?: MemoryBackendOptions } & Partial<Omit<AppOptions, 'backend' | 'token'>> = {},
) {
  const { backend: backendOptions, ...appOptions } = options;
  const backend = createMemoryBackend({ ...backendOptions, provider: { ...contractFixtures, ...backendOptions?.provider } });
  const app = createApp({ backend, token, ...appOptions });
  /** A request with the bearer token (unless `headers` sets `Authorization` itself). */
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
    return app.request(origin + path, { ...init, headers });
  };
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return { app, backend, request, postJson };
}

let keyCounter = 0;

/** A valid send of the contract world's order template to `contact`. */
export function sendInputFor(contact: Contact, key = `http-test-key-${(keyCounter += 1)}`): SendNotificationInput {
  const template = contractFixtures.templates.find((candidate) => candidate.name === 'contract_order_update');
  const sender = contractFixtures.senders[0];
  const agent = contractFixtures.agents[0];
  if (!template || !sender || !agent) throw new Error('contractFixtures lost its templates, senders or agents');
  const parameters = { body: { '1': contact.name.split(' ')[0] ?? contact.name, '2': '#1001' } };
  return {
    idempotencyKey: key,
    contactId: contact.id,
    senderId: sender.id,
    to: contact.phone,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message: buildTemplateMessage({ to: contact.phone, template, parameters }),
    ticket: { priority: 'high', assigneeId: agent.id, description: 'Sent from the HTTP tests' },
  };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  fieldErrors?: Record<string, string>;
  retryAfterMs?: number;
}

/** The problem body of `response`, after checking its status and content type. */
export async function expectProblem(response: Response, status: number, code: string): Promise<ProblemBody> {
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`Expected status ${status}, got ${response.status}: ${text}`);
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.startsWith('application/problem+json')) {
    throw new Error(`Expected application/problem+json, got "${contentType}": ${text}`);
  }
  const body = JSON.parse(text) as ProblemBody;
  if (body.code !== code || body.status !== status) {
    throw new Error(`Expected code ${code} and status ${status} in the body, got ${text}`);
  }
  if (!body.type.startsWith('https://reachout.dev/problems/') || !body.title || !body.detail) {
    throw new Error(`The problem lacks a type, title or detail: ${text}`);
  }
  return body;
}
