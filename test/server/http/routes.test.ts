import { describe, expect, it } from 'vitest';
import type { Chat, Contact, Message, MessageTemplate, Page, Sender, Agent, Ticket, TimelineEvent } from 'reachout/core';
import { contractFixtures } from 'reachout/testing';
import { contactNamed, createTestApp, expectProblem, sendInputFor } from './helpers';

describe('API routes over the memory backend', () => {
  it('lists contacts by name with cursor paging and search', async () => {
    const { request } = createTestApp();
    const first = await request('/api/v1/contacts?limit=5');
    expect(first.status).toBe(200);
    const firstPage = (await first.json()) as Page<Contact>;
    expect(firstPage.items.map((contact) => contact.name)).toEqual([
      'Ana Lima',
      'Bruno Costa',
      'Carla Dias',
      'Daniel Okafor',
      'Elena Petrova',
    ]);
    expect(firstPage.nextCursor).toEqual(expect.any(String));

    const second = (await (
      await request(`/api/v1/contacts?limit=5&cursor=${encodeURIComponent(firstPage.nextCursor ?? '')}`)
    ).json()) as Page<Contact>;
    expect(second.items[0]?.name).toBe('Felipe Hernández');

    const search = (await (await request('/api/v1/contacts?search=gita')).json()) as Page<Contact>;
    expect(search.items.map((contact) => contact.name)).toEqual(['Gita Rao']);
  });

  it('treats empty query values as absent', async () => {
    const { request } = createTestApp();
    const response = await request('/api/v1/contacts?cursor=&limit=&search=');
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page<Contact>;
    expect(page.items).toHaveLength(contractFixtures.contacts.length);
  });

  it('creates a contact, answers 201 with its E.164 phone, and gets it back', async () => {
    const { request, postJson } = createTestApp();
    const created = await postJson('/api/v1/contacts', { name: '  Zoe Park ', phone: '+1 (415) 555-0100' });
    expect(created.status).toBe(201);
    const contact = (await created.json()) as Contact;
    expect(contact).toMatchObject({ name: 'Zoe Park', phone: '+14155550100', email: null });

    const fetched = await request(`/api/v1/contacts/${encodeURIComponent(contact.id)}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(contact);
  });

  it('answers 409 CONFLICT with fieldErrors.phone for a duplicate phone', async () => {
    const { postJson } = createTestApp();
    const response = await postJson('/api/v1/contacts', { name: 'Another Ana', phone: contactNamed('Ana Lima').phone });
    const problem = await expectProblem(response, 409, 'CONFLICT');
    expect(problem.fieldErrors?.phone).toEqual(expect.any(String));
    expect(problem.type).toBe('https://reachout.dev/problems/conflict');
  });

  it('answers 400 VALIDATION naming each invalid field of a contact', async () => {
    const { postJson } = createTestApp();
    const response = await postJson('/api/v1/contacts', { name: '', phone: '12' });
    const problem = await expectProblem(response, 400, 'VALIDATION');
    expect(Object.keys(problem.fieldErrors ?? {}).sort()).toEqual(['name', 'phone']);
    expect(problem.detail).toContain('name');
  });

  it('answers 404 NOT_FOUND for an unknown contact and ticket', async () => {
    const { request } = createTestApp();
    await expectProblem(await request('/api/v1/contacts/nobody'), 404, 'NOT_FOUND');
    await expectProblem(await request('/api/v1/tickets/nothing'), 404, 'NOT_FOUND');
  });

  it("serves a contact's active chat, tickets, timeline and chats", async () => {
    const { request } = createTestApp();
    const hugo = contactNamed('Hugo Martin');
    const gita = contactNamed('Gita Rao');

    const active = (await (await request(`/api/v1/contacts/${hugo.id}/active-chat`)).json()) as { chat: Chat | null };
    expect(active.chat?.contactId).toBe(hugo.id);
    const none = (await (await request(`/api/v1/contacts/${gita.id}/active-chat`)).json()) as { chat: Chat | null };
    expect(none).toEqual({ chat: null });

    const tickets = (await (await request(`/api/v1/contacts/${gita.id}/tickets?limit=2`)).json()) as Page<Ticket>;
    expect(tickets.items).toHaveLength(2);
    expect(tickets.items.every((ticket) => ticket.contactId === gita.id)).toBe(true);
    expect(Date.parse(tickets.items[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(Date.parse(tickets.items[1]?.createdAt ?? ''));

    const timeline = (await (await request(`/api/v1/contacts/${gita.id}/timeline`)).json()) as Page<TimelineEvent>;
    const expectedTimeline = contractFixtures.timeline.filter((event) => event.contactId === gita.id).length;
    expect(timeline.items).toHaveLength(expectedTimeline);

    const chats = (await (await request(`/api/v1/contacts/${gita.id}/chats`)).json()) as Page<Chat>;
    expect(chats.items.map((chat) => chat.contactId)).toEqual(chats.items.map(() => gita.id));
    expect(chats.items.length).toBeGreaterThan(0);
  });

  it('lists senders, templates and agents', async () => {
    const { request } = createTestApp();
    const senders = (await (await request('/api/v1/senders')).json()) as { items: Sender[] };
    expect(senders.items.map((sender) => sender.id)).toEqual(contractFixtures.senders.map((sender) => sender.id));

    const senderId = contractFixtures.senders[0]?.id ?? '';
    const templates = (await (
      await request(`/api/v1/senders/${senderId}/templates?search=order`)
    ).json()) as Page<MessageTemplate>;
    expect(templates.items.map((template) => template.name)).toEqual(['contract_order_update']);

    const agents = (await (await request('/api/v1/agents?search=grace')).json()) as { items: Agent[] };
    expect(agents.items.map((agent) => agent.name)).toEqual(['Grace Hopper']);
  });

  it('sends a notification: 201 with a verifying ticket, the same ticket for a repeat', async () => {
    const { request, postJson } = createTestApp();
    const input = sendInputFor(contactNamed('Oscar Wilde'));
    const response = await postJson('/api/v1/notifications', input, { 'Idempotency-Key': input.idempotencyKey });
    expect(response.status).toBe(201);
    const ticket = (await response.json()) as Ticket;
    expect(ticket).toMatchObject({ contactId: input.contactId, status: 'verifying', priority: 'high' });

    const repeat = await postJson('/api/v1/notifications', input, { 'Idempotency-Key': input.idempotencyKey });
    expect(repeat.status).toBe(201);
    expect(((await repeat.json()) as Ticket).id).toBe(ticket.id);

    const fetched = await request(`/api/v1/tickets/${ticket.id}`);
    expect(((await fetched.json()) as Ticket).id).toBe(ticket.id);
  });

  it('answers 409 CONFLICT when a key is reused with another body', async () => {
    const { postJson } = createTestApp();
    const input = sendInputFor(contactNamed('Oscar Wilde'));
    await postJson('/api/v1/notifications', input, { 'Idempotency-Key': input.idempotencyKey });
    const changed = { ...input, ticket: { ...input.ticket, description: 'Something else' } };
    const problem = await expectProblem(
      await postJson('/api/v1/notifications', changed, { 'Idempotency-Key': input.idempotencyKey }),
      409,
      'CONFLICT',
    );
    expect(problem.fieldErrors?.idempotencyKey).toEqual(expect.any(String));
  });

  it('requires an Idempotency-Key header equal to the body key', async () => {
    const { postJson } = createTestApp();
    const input = sendInputFor(contactNamed('Oscar Wilde'));
    const missing = await expectProblem(await postJson('/api/v1/notifications', input), 400, 'VALIDATION');
    expect(missing.fieldErrors).toHaveProperty('Idempotency-Key');
    const different = await expectProblem(
      await postJson('/api/v1/notifications', input, { 'Idempotency-Key': 'another-key-123' }),
      400,
      'VALIDATION',
    );
    expect(different.fieldErrors).toHaveProperty('idempotencyKey');
  });

  it('lists a chat’s messages newest first and answers 404 for an unknown chat', async () => {
    const { request } = createTestApp();
    const response = await request('/api/v1/chats/contract-chat-hugo/messages?limit=2');
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page<Message>;
    expect(page.items.map((message) => message.id)).toEqual(['contract-message-hugo-5', 'contract-message-hugo-4']);
    expect(page.nextCursor).toEqual(expect.any(String));
    await expectProblem(await request('/api/v1/chats/no-such-chat/messages'), 404, 'NOT_FOUND');
  });

  it('sends a message only with an Idempotency-Key header equal to the body key, and answers 409 OUTSIDE_WINDOW after 24 hours', async () => {
    const { postJson } = createTestApp();
    const input = { idempotencyKey: 'route-message-0001', chatId: 'contract-chat-hugo', text: 'Hello again' };
    const missing = await expectProblem(await postJson('/api/v1/messages', input), 400, 'VALIDATION');
    expect(missing.fieldErrors).toHaveProperty('Idempotency-Key');
    await expectProblem(await postJson('/api/v1/messages', input, { 'Idempotency-Key': 'another-key-123' }), 400, 'VALIDATION');
    await expectProblem(await postJson('/api/v1/messages', input, { 'Idempotency-Key': input.idempotencyKey }), 409, 'OUTSIDE_WINDOW');
    const tooLong = { ...input, text: 'a'.repeat(4097) };
    const problem = await expectProblem(await postJson('/api/v1/messages', tooLong, { 'Idempotency-Key': input.idempotencyKey }), 400, 'VALIDATION');
    expect(problem.fieldErrors?.text).toEqual(expect.any(String));
  });

  it('answers 409 ACTIVE_CHAT for a contact with an active chat and 409 OPTED_OUT for one who opted out', async () => {
    const { postJson } = createTestApp();
    const toHugo = sendInputFor(contactNamed('Hugo Martin'));
    const activeChat = await expectProblem(
      await postJson('/api/v1/notifications', toHugo, { 'Idempotency-Key': toHugo.idempotencyKey }),
      409,
      'ACTIVE_CHAT',
    );
    expect(activeChat.type).toBe('https://reachout.dev/problems/active-chat');
    const toElena = sendInputFor(contactNamed('Elena Petrova'));
    await expectProblem(
      await postJson('/api/v1/notifications', toElena, { 'Idempotency-Key': toElena.idempotencyKey }),
      409,
      'OPTED_OUT',
    );
  });

  it('answers 400 VALIDATION with a dotted field path for a nested invalid field', async () => {
    const { postJson } = createTestApp();
    const input = sendInputFor(contactNamed('Oscar Wilde'));
    const invalid = { ...input, ticket: { ...input.ticket, priority: 'whenever' } };
    const problem = await expectProblem(
      await postJson('/api/v1/notifications', invalid, { 'Idempotency-Key': input.idempotencyKey }),
      400,
      'VALIDATION',
    );
    expect(Object.keys(problem.fieldErrors ?? {})).toEqual(['ticket.priority']);
  });

  it('answers the healthz route without a token', async () => {
    const { app } = createTestApp();
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('simulator routes', () => {
  it('receives a reply: the contact then has an active chat with an open window', async () => {
    const { request, postJson } = createTestApp();
    const oscar = contactNamed('Oscar Wilde');
    const response = await postJson(`/api/v1/simulator/contacts/${oscar.id}/reply`, { text: 'Hello?' });
    expect(response.status).toBe(204);
    const active = (await (await request(`/api/v1/contacts/${oscar.id}/active-chat`)).json()) as { chat: Chat | null };
    expect(active.chat?.lastInboundAt).toEqual(expect.any(String));
  });

  it('completes a verification now', async () => {
    const { request, postJson } = createTestApp();
    const input = sendInputFor(contactNamed('Paula Souza'));
    const ticket = (await (
      await postJson('/api/v1/notifications', input, { 'Idempotency-Key': input.idempotencyKey })
    ).json()) as Ticket;
    const response = await postJson(`/api/v1/simulator/tickets/${ticket.id}/verification`, { result: 'failed' });
    expect(response.status).toBe(204);
    const after = (await (await request(`/api/v1/tickets/${ticket.id}`)).json()) as Ticket;
    expect(after.status).toBe('failed');

    const again = await postJson(`/api/v1/simulator/tickets/${ticket.id}/verification`, { result: 'success' });
    await expectProblem(again, 409, 'CONFLICT');
  });

  it('validates the simulator bodies', async () => {
    const { postJson } = createTestApp();
    const problem = await expectProblem(
      await postJson('/api/v1/simulator/tickets/any/verification', { result: 'maybe' }),
      400,
      'VALIDATION',
    );
    expect(problem.fieldErrors).toHaveProperty('result');
  });

  it('answers 404 NOT_FOUND when the backend has no simulator', async () => {
    const { postJson } = createTestApp({ backend: { simulator: false } });
    const oscar = contactNamed('Oscar Wilde');
    const problem = await expectProblem(
      await postJson(`/api/v1/simulator/contacts/${oscar.id}/reply`, { text: 'Hello?' }),
      404,
      'NOT_FOUND',
    );
    expect(problem.detail).toContain('simulator');
  });
});
