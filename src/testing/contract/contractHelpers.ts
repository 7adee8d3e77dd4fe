import type { ReachoutDataProvider } from '../../core/provider';
import { buildTemplateMessage } from '../../core/template';
import type { Contact, Page, SendNotificationInput, TemplateParameters } from '../../core/types';
import { assert, assertEqual } from './assertions';
import { contractFixtures, contractIds } from './contractFixtures';
import type { ContractSubject } from './describeProviderContract';

/** What `describeProviderContract` hands to each family of cases (`describeContactsContract`...). */
export interface ContractSuite {
  describe: (name: string, body: () => void) => void;
  /** Registers a test with the suite's timeout. */
  it: (title: string, body: () => Promise<void>) => void;
  /** Runs `body` with the provider shared by the tests that only read. */
  reading: (body: (provider: ReachoutDataProvider) => Promise<void>) => Promise<void>;
  /** Runs `body` with a provider of its own over the contract world, disposed of afterwards. */
  writing: (body: (subject: ContractSubject) => Promise<void>) => Promise<void>;
  /** Timeout of each test, and how long to wait for an event. */
  timeoutMs: number;
}

export const world = contractFixtures;

export const contactById = (id: string): Contact => {
  const found = world.contacts.find((contact) => contact.id === id);
  if (!found) throw new Error(`contractFixtures has no contact ${id}`);
  return found;
};

/** The world's contacts in contract order: by name, then id (names are chosen so any collation agrees). */
export const contactsInOrder = [...world.contacts].sort(
  (left, right) =>
    left.name.localeCompare(right.name, 'en') || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
);

export function idempotencyKey(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `contract-${random}`;
}

export const orderTemplate = world.templates.find((template) => template.id === contractIds.orderTemplate);

export function sendInput(
  contactId: string,
  overrides: { templateId?: string; parameters?: TemplateParameters; key?: string; description?: string } = {},
): SendNotificationInput {
  const contact = contactById(contactId);
  const template = world.templates.find((candidate) => candidate.id === (overrides.templateId ?? contractIds.orderTemplate));
  if (!template || !orderTemplate) throw new Error('contractFixtures lost its templates');
  const parameters = overrides.parameters ?? { body: { '1': contact.name.split(' ')[0] ?? contact.name, '2': '#1001' } };
  let message;
  try {
    message = buildTemplateMessage({ to: contact.phone, template, parameters });
  } catch {
    // Invalid parameters on purpose: send a payload anyway, the provider must refuse it.
    message = buildTemplateMessage({
      to: contact.phone,
      template: orderTemplate,
      parameters: { body: { '1': 'x', '2': 'y' } },
    });
  }
  return {
    idempotencyKey: overrides.key ?? idempotencyKey(),
    contactId,
    senderId: contractIds.supportSender,
    to: contact.phone,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message,
    ticket: {
      priority: 'high',
      assigneeId: contractIds.grace,
      description: overrides.description ?? 'Contract test send',
    },
  };
}

/** Follows `nextCursor` to the end; checks each page's size and that the walk ends. */
export async function walkPages<Item>(
  fetchPage: (cursor: string | null) => Promise<Page<Item>>,
  limit: number,
  what: string,
): Promise<{ items: Item[]; pages: Page<Item>[] }> {
  const items: Item[] = [];
  const pages: Page<Item>[] = [];
  let cursor: string | null = null;
  for (let pageNumber = 1; ; pageNumber += 1) {
    assert(pageNumber <= 1000, `${what}: still paging after 1000 pages (does nextCursor ever become null?)`);
    const page: Page<Item> = await fetchPage(cursor);
    pages.push(page);
    assert(page.items.length <= limit, `${what}: page ${pageNumber} has ${page.items.length} items, limit was ${limit}`);
    items.push(...page.items);
    if (page.nextCursor === null) break;
    assertEqual(page.items.length, limit, `${what}: size of page ${pageNumber}, which is not the last`);
    assert(typeof page.nextCursor === 'string' && page.nextCursor.length > 0, `${what}: nextCursor is a non-empty string or null`);
    cursor = page.nextCursor;
  }
  return { items, pages };
}

export const idsOf = (items: readonly { id: string }[]): string[] => items.map((item) => item.id);

export function assertNoDuplicates(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    assert(!seen.has(id), `${what}: ${id} appears twice`);
    seen.add(id);
  }
}

export const aborted = (): AbortSignal => {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
};
