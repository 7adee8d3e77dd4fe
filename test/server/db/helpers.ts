import { buildTemplateMessage, type SendNotificationInput } from 'reachout/core';
import { type ContractSubject, contractFixtures, type ContractWorld } from 'reachout/testing';
import { createDatabaseBackend, type Database, type DatabaseBackendOptions, resetDatabase, seedWorld } from '../../../server/src/db';

/** Long enough that no simulated step fires during a test unless the test asks for it. */
export const idleSimulatorDelayMs = 10 * 60 * 1000;

/** A backend over `db` holding exactly `world`; closing it leaves the shared database open. */
export async function backendWithWorld(db: Database, world: ContractWorld, options: DatabaseBackendOptions = {}) {
  await resetDatabase(db);
  await seedWorld(db, world);
  return createDatabaseBackend(db, { simulatorDelayMs: idleSimulatorDelayMs, keepDatabaseOpen: true, ...options });
}

/** `createProvider` of the contract suite over one shared database. */
export function contractSubjectFactory(getDatabase: () => Database) {
  return async (world: ContractWorld): Promise<ContractSubject> => {
    const backend = await backendWithWorld(getDatabase(), world);
    const simulator = backend.simulator;
    return {
      provider: {
        ...backend.provider,
        subscribe: (listener) => backend.events.subscribe((stored) => listener(stored.event)),
      },
      ...(simulator ? { completeVerification: (ticketId, result) => simulator.completeVerification(ticketId, result) } : {}),
      dispose: () => backend.close(),
    };
  };
}

export function worldContact(id: string) {
  const contact = contractFixtures.contacts.find((candidate) => candidate.id === id);
  if (!contact) throw new Error(`contractFixtures has no contact ${id}`);
  return contact;
}

/** A valid send of the world's order template to one of its contacts. */
export function orderSend(contactId: string, key: string, description = 'Backend test send'): SendNotificationInput {
  const contact = worldContact(contactId);
  const template = contractFixtures.templates.find((candidate) => candidate.id === 'contract-template-order');
  if (!template) throw new Error('contractFixtures has no order template');
  const parameters = { body: { '1': contact.name.split(' ')[0] ?? contact.name, '2': '#42' } };
  return {
    idempotencyKey: key,
    contactId,
    senderId: 'contract-sender-support',
    to: contact.phone,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message: buildTemplateMessage({ to: contact.phone, template, parameters }),
    ticket: { priority: 'high', assigneeId: 'contract-agent-grace', description },
  };
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
