import * as z from 'zod/mini';
import { createAbortError, ReachoutError } from '../core/errors';
import type { CallContext, MediaPurpose, ReachoutDataProvider, ReachoutMethod } from '../core/provider';
import {
  agentMatchesSearch,
  checkNotification,
  contactMatchesSearch,
  contactSearchFields,
  type ContactSearch,
  type ContactSearchFields,
  type CursorPosition,
  failureReasonOf,
  idempotencyConflictError,
  parseContactSearch,
  parseSendNotificationInput,
  stableStringify,
  templateMatchesSearch,
  undeliverableError,
} from '../core/provider-rules';
import { bytesToBase64 } from '../core/provider-rules/base64';
import { isChatActive } from '../core/rules';
import { contactInputSchema, fieldErrorsOf } from '../core/schemas';
import type {
  Agent,
  Chat,
  Contact,
  ContactInput,
  E164,
  MessageTemplate,
  Page,
  ReachoutEvent,
  Sender,
  SendNotificationInput,
  Ticket,
  TimelineEvent,
  TimelineEventType,
} from '../core/types';
import { fixtures } from './fixtures';
import { delay } from './internal/delay';
import { paginate } from './internal/paginate';
import { createRandom } from './internal/random';
import { createMessageStore } from './internal/messages';
import { createMemoryImport, indexInSorted, mergeIntoSorted } from './internal/importContacts';
import type {
  LatencyOption,
  MemoryProvider,
  MemoryProviderCall,
  MemoryProviderControl,
  MemoryProviderOptions,
  VerificationResult,
} from './types';

/** Numbers ending in this fail verification by default, as an unreachable number would. */
const unreachableSuffix = '0000';

/** WhatsApp's media size limit (video); larger uploads are refused. */
const maxMediaBytes = 16 * 1024 * 1024;

// A fixed locale, so the order does not depend on the machine running the tests.
const nameCollator = new Intl.Collator('en', { sensitivity: 'variant' });

interface ContactEntry {
  contact: Contact;
  /** Folded name and email and the phone's digits, computed once (100,000 contacts are searched). */
  search: ContactSearchFields;
}

interface Sequenced<Item> {
  item: Item;
  /** Insertion order: the tie-breaker of "newest first". */
  sequence: number;
}

type IdPrefix = 'contact' | 'chat' | 'ticket' | 'event';

interface IdempotencyRecord {
  fingerprint: string;
  ticketId: string;
}

function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareContacts(left: ContactEntry, right: ContactEntry): number {
  return nameCollator.compare(left.contact.name, right.contact.name) || compareIds(left.contact.id, right.contact.id);
}

/**
 * Sorts like `compareContacts`, but runs the (slow) collator only over distinct names: 100,000
 * generated contacts share a few thousand names.
 */
function sortByName<Entry extends { contact: Contact }>(entries: Entry[]): Entry[] {
  const names = [...new Set(entries.map((entry) => entry.contact.name))].sort(nameCollator.compare);
  const rankOfName = new Map<string, number>();
  let rank = 0;
  names.forEach((name, index) => {
    // Names the collator holds equal share a rank, so ids decide between them as in compareContacts.
    if (index > 0 && nameCollator.compare(names[index - 1] as string, name) !== 0) rank += 1;
    rankOfName.set(name, rank);
  });
  return entries
    .map((entry) => ({ entry, rank: rankOfName.get(entry.contact.name) ?? 0 }))
    .sort((left, right) => left.rank - right.rank || compareIds(left.entry.contact.id, right.entry.contact.id))
    .map(({ entry }) => entry);
}

function entryOf(contact: Contact): ContactEntry {
  return { contact, search: contactSearchFields(contact) };
}

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

/** Newest first: later time first, then later insertion first. */
function compareNewestFirst(leftTime: number, leftSequence: number, key: CursorPosition): number {
  const [keyTime, keySequence] = key as [number, number];
  return keyTime - leftTime || keySequence - leftSequence;
}

const undeliverableReason = failureReasonOf(undeliverableError);

function notFound(what: string, id: string): ReachoutError {
  return new ReachoutError('NOT_FOUND', `No ${what} with id ${id}`);
}

const copy = <Value>(value: Value): Value => structuredClone(value);

/** A contact's own copy; much faster than `structuredClone` for 100,000 seed contacts. */
function copyContact(contact: Contact): Contact {
  return contact.attributes ? { ...contact, attributes: { ...contact.attributes } } : { ...contact };
}

/**
 * An in-memory `ReachoutDataProvider` for tests, stories and demos: deterministic, with latency,
 * fault injection, and controls to complete verifications and receive customer replies. It
 * obeys the same contract as a real backend (run `describeProviderContract` against both).
 *
 * @example
 * const provider = createMemoryProvider({ latencyMs: { min: 150, max: 600 }, verifyAfterMs: 3000 });
 * provider.control.failNext('createContact', new ReachoutError('NETWORK', 'Offline'));
 * render(<ReachoutProvider dataProvider={provider}><ContactsInbox /></ReachoutProvider>);
 */
export function createMemoryProvider(options: MemoryProviderOptions = {}): MemoryProvider {
  const now = options.now ?? (() => new Date());
  const nowIso = () => now().toISOString();
  const verify = options.verify ?? ((phone: E164) => (phone.endsWith(unreachableSuffix) ? 'failed' : 'success'));
  const verifyAfterMs = options.verifyAfterMs ?? null;
  const deliveryStepMs = options.deliveryStepMs ?? null;
  const random = createRandom(options.seed ?? 1);
  let latency: LatencyOption = options.latencyMs ?? 0;

  const worldIsFixtures = options.contacts === undefined;
  const senders: Sender[] = copy(options.senders ?? fixtures.senders);
  const templates: MessageTemplate[] = copy(options.templates ?? fixtures.templates);
  const agents: Agent[] = copy(options.agents ?? fixtures.agents);
  const templateSenders = options.templateSenders ?? {};

  const contactsById = new Map<string, ContactEntry>();
  const contactIdsByPhone = new Map<string, string>();
  const seeded: Array<{ contact: Contact }> = [];
  const seededIds = new Set<string>();
  for (const seedContact of options.contacts ?? fixtures.contacts) {
    const contact = copyContact(seedContact);
    if (seededIds.has(contact.id)) throw new Error(`createMemoryProvider: two contacts have the id ${contact.id}`);
    seededIds.add(contact.id);
    if (contactIdsByPhone.has(contact.phone)) {
      throw new Error(`createMemoryProvider: two contacts have the phone ${contact.phone}`);
    }
    contactIdsByPhone.set(contact.phone, contact.id);
    seeded.push({ contact });
  }
  // Entries and their folded strings are made in name order, the order every search scans them:
  // with that memory locality a scan of 100,000 contacts takes half the time.
  const sortedContacts = sortByName(seeded).map(({ contact }) => entryOf(contact));
  for (const entry of sortedContacts) contactsById.set(entry.contact.id, entry);
  /**
   * The last search's matches: the next page of the same search reuses them, and a search that
   * narrows it (a letter typed at either end) filters them instead of every contact. Cleared
   * whenever a contact is added or changed.
   */
  let lastSearch: { search: ContactSearch; matching: readonly ContactEntry[] } | null = null;

  let sequence = 0;
  const sequenced = <Item>(item: Item): Sequenced<Item> => ({ item, sequence: (sequence += 1) });
  const seedOrEmpty = <Item>(given: Item[] | undefined, fixture: Item[]): Item[] =>
    copy(given ?? (worldIsFixtures ? fixture : []));
  const chats = seedOrEmpty(options.chats, fixtures.chats).map(sequenced);
  const tickets = seedOrEmpty(options.tickets, fixtures.tickets).map(sequenced);
  const timeline = seedOrEmpty(options.timeline, fixtures.timeline).map(sequenced);
  const idempotencyRecords = new Map<string, IdempotencyRecord>();

  const calls: MemoryProviderCall[] = [];
  const faults = new Map<ReachoutMethod, Error[]>();
  const listeners = new Set<(event: ReachoutEvent) => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const verificationTimers = new Map<string, ReturnType<typeof setTimeout>>();

  // ------------------------------------------------------------------------------------------
  // Plumbing
  // ------------------------------------------------------------------------------------------

  const usedIds = (prefix: IdPrefix): ((id: string) => boolean) => {
    switch (prefix) {
      case 'contact':
        return (id) => contactsById.has(id);
      case 'chat':
        return (id) => chats.some((entry) => entry.item.id === id);
      case 'ticket':
        return (id) => tickets.some((entry) => entry.item.id === id);
      case 'event':
        return (id) => timeline.some((entry) => entry.item.id === id);
      default:
        return prefix satisfies never;
    }
  };
  const idCounters = new Map<IdPrefix, number>();
  /** `ticket-1`, `ticket-2`...: readable, deterministic, and never one a seed already uses. */
  const createId = (prefix: IdPrefix): string => {
    const taken = usedIds(prefix);
    let count = idCounters.get(prefix) ?? 0;
    let id: string;
    do {
      count += 1;
      id = `${prefix}-${count}`;
    } while (taken(id));
    idCounters.set(prefix, count);
    return id;
  };

  const emit = (event: ReachoutEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(copy(event));
      } catch (error) {
        // A broken listener must not fail the call that caused the event: report it on its own.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  const schedule = (ms: number, task: () => void): ReturnType<typeof setTimeout> => {
    const timer = globalThis.setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
    return timer;
  };

  const drawLatency = (): number => {
    if (typeof latency === 'number') return latency;
    return random.integer(Math.min(latency.min, latency.max), Math.max(latency.min, latency.max));
  };

  /** Every method goes through here: record, abort, latency, injected fault, then the work. */
  const perform = async <Result>(
    call: MemoryProviderCall,
    context: CallContext | undefined,
    work: () => Result | Promise<Result>,
  ): Promise<Result> => {
    calls.push(call);
    const signal = context?.signal;
    if (signal?.aborted) throw createAbortError(signal);
    await delay(drawLatency(), signal);
    const fault = faults.get(call.method)?.shift();
    if (fault) throw fault;
    return work();
  };

  const requireContact = (id: string): ContactEntry => {
    const entry = contactsById.get(id);
    if (!entry) throw notFound('contact', id);
    return entry;
  };
  const requireTicket = (id: string): Sequenced<Ticket> => {
    const entry = tickets.find((candidate) => candidate.item.id === id);
    if (!entry) throw notFound('ticket', id);
    return entry;
  };
  const requireSender = (id: string): Sender => {
    const sender = senders.find((candidate) => candidate.id === id);
    if (!sender) throw notFound('sender', id);
    return sender;
  };
  const templateBelongsTo = (template: MessageTemplate, senderId: string): boolean => {
    const owners = templateSenders[template.id];
    return owners === undefined || owners.includes(senderId);
  };
  const messages = createMessageStore(seedOrEmpty(options.messages, fixtures.messages), {
    now,
    emit,
    schedule,
    deliveryStepMs,
    findChat: (chatId) => chats.find((entry) => entry.item.id === chatId)?.item,
    phoneOf: (contactId) => requireContact(contactId).contact.phone,
    findTemplate: (templateId, senderId) =>
      templates.find((template) => template.id === templateId && templateBelongsTo(template, senderId)),
  });
  const activeChatOf = (contactId: string): Sequenced<Chat> | undefined =>
    chats
      .filter((entry) => entry.item.contactId === contactId && isChatActive(entry.item))
      .sort((left, right) => right.sequence - left.sequence)[0];

  const addTimelineEvent = (contactId: string, type: TimelineEventType, text: string, ticketId?: string) => {
    const event: TimelineEvent = {
      id: createId('event'),
      contactId,
      type,
      at: nowIso(),
      ...(ticketId === undefined ? {} : { ticketId }),
      text,
    };
    timeline.push(sequenced(event));
    emit({ type: 'timeline.added', event });
  };

  const replaceContact = (contact: Contact) => {
    const previous = requireContact(contact.id);
    const entry = entryOf(contact);
    contactsById.set(contact.id, entry);
    const index = sortedContacts.indexOf(previous);
    sortedContacts.splice(index, 1);
    insertSorted(entry);
  };

  const insertSorted = (entry: ContactEntry) => {
    lastSearch = null;
    let low = 0;
    let high = sortedContacts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareContacts(sortedContacts[middle] as ContactEntry, entry) < 0) low = middle + 1;
      else high = middle;
    }
    sortedContacts.splice(low, 0, entry);
  };

  /** A contact's items, newest first, one page of them. */
  const pageOfContactItems = <Item extends { contactId: string }>(
    list: 'tickets' | 'timeline' | 'chats',
    entries: readonly Sequenced<Item>[],
    params: { contactId: string; cursor?: string | null; limit?: number },
    timeOfItem: (item: Item) => number,
  ): Page<Item> => {
    requireContact(params.contactId);
    const sorted = entries
      .filter((entry) => entry.item.contactId === params.contactId)
      .sort((left, right) => timeOfItem(right.item) - timeOfItem(left.item) || right.sequence - left.sequence);
    const page = paginate(sorted, {
      list,
      cursor: params.cursor,
      limit: params.limit,
      keyOf: (entry) => [timeOfItem(entry.item), entry.sequence],
      keyShape: ['number', 'number'],
      compareToKey: (entry, key) => compareNewestFirst(timeOfItem(entry.item), entry.sequence, key),
    });
    return { ...page, items: page.items.map((entry) => copy(entry.item)) };
  };

  // ------------------------------------------------------------------------------------------
  // Verification and delivery
  // ------------------------------------------------------------------------------------------

  const updateTicket = (entry: Sequenced<Ticket>, changes: Partial<Ticket>, notification: Partial<Ticket['notification']> = {}) => {
    entry.item = {
      ...entry.item,
      ...changes,
      updatedAt: nowIso(),
      notification: { ...entry.item.notification, ...notification },
    };
    emit({ type: 'ticket.updated', ticket: entry.item });
    messages.syncTicket(entry.item);
  };

  const scheduleDelivery = (ticketId: string) => {
    if (deliveryStepMs === null) return;
    schedule(deliveryStepMs, () => {
      const entry = tickets.find((candidate) => candidate.item.id === ticketId);
      if (!entry || entry.item.notification.delivery !== 'sent') return;
      updateTicket(entry, {}, { delivery: 'delivered' });
      addTimelineEvent(entry.item.contactId, 'notification.delivered', 'Notification delivered', ticketId);
      schedule(deliveryStepMs, () => {
        if (entry.item.notification.delivery !== 'delivered') return;
        updateTicket(entry, {}, { delivery: 'read' });
        addTimelineEvent(entry.item.contactId, 'notification.read', 'Notification read', ticketId);
      });
    });
  };

  const completeVerification = (ticketId: string, result: VerificationResult): Ticket => {
    const entry = requireTicket(ticketId);
    if (entry.item.status !== 'verifying') {
      throw new Error(`Ticket ${ticketId} is ${entry.item.status}, not verifying: its verification already ended`);
    }
    const timer = verificationTimers.get(ticketId);
    if (timer !== undefined) {
      globalThis.clearTimeout(timer);
      timers.delete(timer);
      verificationTimers.delete(ticketId);
    }
    const ticket = entry.item;
    switch (result) {
      case 'success': {
        let chat = activeChatOf(ticket.contactId)?.item;
        if (!chat) {
          chat = {
            id: createId('chat'),
            contactId: ticket.contactId,
            status: ticket.assignee ? 'assigned' : 'open',
            assignee: ticket.assignee,
            lastInboundAt: null,
            senderId: ticket.notification.senderId,
          };
          chats.push(sequenced(chat));
          emit({ type: 'chat.updated', chat });
        }
        updateTicket(entry, { status: ticket.assignee ? 'assigned' : 'open', chatId: chat.id }, { delivery: 'sent' });
        addTimelineEvent(ticket.contactId, 'notification.verified', 'Number verified: the notification was sent', ticketId);
        if (ticket.assignee) {
          addTimelineEvent(ticket.contactId, 'ticket.assigned', `Ticket assigned to ${ticket.assignee.name}`, ticketId);
        }
        scheduleDelivery(ticketId);
        break;
      }
      case 'failed':
        updateTicket(entry, { status: 'failed' }, { delivery: 'failed', failureReason: undeliverableReason });
        addTimelineEvent(ticket.contactId, 'notification.failed', undeliverableReason, ticketId);
        break;
      default:
        result satisfies never;
        throw new Error(`Unknown verification result ${String(result)}`);
    }
    return copy(entry.item);
  };

  // ------------------------------------------------------------------------------------------
  // The provider
  // ------------------------------------------------------------------------------------------

  const sendNotification = (input: SendNotificationInput): Ticket => {
    parseSendNotificationInput(input);
    const fingerprint = stableStringify(input);
    const previous = idempotencyRecords.get(input.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw idempotencyConflictError('notification');
      return copy(requireTicket(previous.ticketId).item);
    }

    const contact = contactsById.get(input.contactId)?.contact;
    const sender = senders.find((candidate) => candidate.id === input.senderId);
    const template = templates.find(
      (candidate) => candidate.id === input.template.id && (sender === undefined || templateBelongsTo(candidate, sender.id)),
    );
    const checked = checkNotification(input, {
      contact,
      sender,
      template,
      assignee: agents.find((agent) => agent.id === input.ticket.assigneeId),
      hasActiveChat: contact !== undefined && activeChatOf(contact.id) !== undefined,
      hasVerifyingTicket: tickets.some((entry) => entry.item.contactId === input.contactId && entry.item.status === 'verifying'),
    });
    const { assignee, to } = checked;

    const at = nowIso();
    const ticket: Ticket = {
      id: createId('ticket'),
      contactId: checked.contact.id,
      chatId: null,
      priority: input.ticket.priority,
      assignee: assignee ? copy(assignee) : null,
      description: input.ticket.description,
      status: 'verifying',
      createdAt: at,
      updatedAt: at,
      notification: {
        senderId: checked.sender.id,
        to: to.e164,
        templateName: checked.template.name,
        language: checked.template.language,
        body: checked.body,
        delivery: 'pending',
      },
    };
    tickets.push(sequenced(ticket));
    idempotencyRecords.set(input.idempotencyKey, { fingerprint, ticketId: ticket.id });
    emit({ type: 'ticket.updated', ticket });
    addTimelineEvent(
      checked.contact.id,
      'notification.sent',
      `Sent ${checked.template.name} from ${checked.sender.displayName} to ${to.international}`,
      ticket.id,
    );
    if (verifyAfterMs !== null) {
      const timer = schedule(verifyAfterMs, () => {
        verificationTimers.delete(ticket.id);
        completeVerification(ticket.id, verify(ticket.notification.to));
      });
      verificationTimers.set(ticket.id, timer);
    }
    return copy(ticket);
  };

  const createContact = (input: ContactInput): Contact => {
    const parsed = z.safeParse(contactInputSchema, input);
    if (!parsed.success) {
      throw new ReachoutError('VALIDATION', 'Check the highlighted fields', {
        fieldErrors: fieldErrorsOf(parsed.error),
      });
    }
    const { name, email, phone, avatarUrl } = parsed.data;
    const existingId = contactIdsByPhone.get(phone);
    if (existingId !== undefined) {
      const existing = requireContact(existingId).contact;
      throw new ReachoutError('CONFLICT', `${existing.name} already has the phone number ${phone}`, {
        fieldErrors: { phone: 'A contact with this phone number already exists' },
      });
    }
    const contact: Contact = {
      id: createId('contact'),
      name,
      email,
      phone,
      avatarUrl,
      createdAt: nowIso(),
    };
    const entry = entryOf(contact);
    contactsById.set(contact.id, entry);
    contactIdsByPhone.set(phone, contact.id);
    insertSorted(entry);
    emit({ type: 'contact.created', contact });
    addTimelineEvent(contact.id, 'contact.created', 'Contact created');
    return copy(contact);
  };

  const importContacts = createMemoryImport({
    findByPhone: (phone) => contactsById.get(contactIdsByPhone.get(phone) ?? '')?.contact,
    newContactId: () => createId('contact'),
    now: nowIso,
    addContacts(contacts) {
      const entries = contacts.map(entryOf);
      for (const entry of entries) {
        contactsById.set(entry.contact.id, entry);
        contactIdsByPhone.set(entry.contact.phone, entry.contact.id);
      }
      lastSearch = null;
      mergeIntoSorted(sortedContacts, entries, compareContacts);
      for (const { contact } of entries) {
        // Not createId('event'): it scans the timeline for each id, 100,000 times over on a big import.
        timeline.push(sequenced({ id: `event-imported-${contact.id}`, contactId: contact.id, type: 'contact.created', at: contact.createdAt, text: 'Contact imported' }));
      }
    },
    replaceContacts(contacts) {
      for (const contact of contacts) {
        const previous = requireContact(contact.id);
        const entry = entryOf(contact);
        contactsById.set(contact.id, entry);
        sortedContacts.splice(indexInSorted(sortedContacts, previous, compareContacts), 1);
        insertSorted(entry);
      }
    },
    emitImported(created, updated) {
      emit({ type: 'contacts.imported', created, updated });
    },
  });

  const searchContacts = (search: ContactSearch): readonly ContactEntry[] => {
    if (lastSearch !== null && lastSearch.search.text === search.text && lastSearch.search.digits === search.digits) {
      return lastSearch.matching;
    }
    // Anything matching the new search matched the previous one when the previous is contained in
    // it, text and phone digits alike (a search without text or digits matched nothing by them).
    const previous = lastSearch?.search;
    const narrows =
      previous !== undefined &&
      (search.text === '' || (previous.text !== '' && search.text.includes(previous.text))) &&
      (search.digits === null || (previous.digits !== null && search.digits.includes(previous.digits)));
    const candidates = narrows && lastSearch !== null ? lastSearch.matching : sortedContacts;
    const matching = candidates.filter((entry) => contactMatchesSearch(entry.search, search));
    lastSearch = { search, matching };
    return matching;
  };

  const listContacts = (params: { search?: string; cursor?: string | null; limit?: number }): Page<Contact> => {
    const search = parseContactSearch(params.search);
    const matching = search ? searchContacts(search) : sortedContacts;
    const page = paginate(matching, {
      list: 'contacts',
      cursor: params.cursor,
      limit: params.limit,
      keyOf: (entry) => [entry.contact.name, entry.contact.id],
      keyShape: ['string', 'string'],
      compareToKey: (entry, key) =>
        nameCollator.compare(entry.contact.name, key[0] as string) || compareIds(entry.contact.id, key[1] as string),
    });
    return { ...page, items: page.items.map((entry) => copyContact(entry.contact)) };
  };

  const listTemplates = (params: { senderId: string; search?: string; cursor?: string | null; limit?: number }) => {
    requireSender(params.senderId);
    const matching = templates
      .map((template, index) => ({ template, index }))
      .filter(
        ({ template }) => templateBelongsTo(template, params.senderId) && templateMatchesSearch(template, params.search),
      );
    const page = paginate(matching, {
      list: 'templates',
      cursor: params.cursor,
      limit: params.limit,
      keyOf: (entry) => [entry.index],
      keyShape: ['number'],
      compareToKey: (entry, key) => entry.index - (key[0] as number),
    });
    return { ...page, items: page.items.map((entry) => copy(entry.template)) };
  };

  let uploadCount = 0;
  const uploadMedia = async (file: Blob, purpose: MediaPurpose): Promise<{ url: string }> => {
    if (file.size > maxMediaBytes) {
      throw new ReachoutError('VALIDATION', 'The file is larger than 16 MB', {
        fieldErrors: { file: 'Use a file of at most 16 MB' },
      });
    }
    if (purpose === 'avatar' && file.type && !file.type.startsWith('image/')) {
      throw new ReachoutError('VALIDATION', 'A photo must be an image', { fieldErrors: { file: 'Choose an image' } });
    }
    // WhatsApp fetches header media itself, so a send needs an https link: answer one on a
    // reserved domain (it never resolves; the preview shows its placeholder).
    if (purpose === 'template-header') {
      uploadCount += 1;
      return { url: `https://media.reachout.invalid/uploads/${uploadCount}` };
    }
    // A short blob: URL where the platform has one (browsers, Node), so a real photo fits the
    // avatarUrl limit a backend's http(s) URL would; a data: URL elsewhere.
    if (typeof URL.createObjectURL === 'function') return { url: URL.createObjectURL(file) };
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { url: `data:${file.type || 'application/octet-stream'};base64,${bytesToBase64(bytes)}` };
  };

  const methods: Required<ReachoutDataProvider> = {
    listContacts: (params, context) =>
      perform({ method: 'listContacts', params }, context, () => listContacts(params)),
    getContact: (params, context) =>
      perform({ method: 'getContact', params }, context, () => copyContact(requireContact(params.id).contact)),
    createContact: (params, context) =>
      perform({ method: 'createContact', params }, context, () => createContact(params.input)),
    listSenders: (params, context) => perform({ method: 'listSenders', params }, context, () => copy(senders)),
    listTemplates: (params, context) =>
      perform({ method: 'listTemplates', params }, context, () => listTemplates(params)),
    listAgents: (params, context) =>
      perform({ method: 'listAgents', params }, context, () =>
        copy(agents.filter((agent) => agentMatchesSearch(agent, params.search))),
      ),
    getActiveChat: (params, context) =>
      perform({ method: 'getActiveChat', params }, context, () => {
        requireContact(params.contactId);
        const chat = activeChatOf(params.contactId)?.item;
        return chat ? copy(chat) : null;
      }),
    sendNotification: (params, context) =>
      perform({ method: 'sendNotification', params }, context, () => sendNotification(params.input)),
    getTicket: (params, context) =>
      perform({ method: 'getTicket', params }, context, () => copy(requireTicket(params.id).item)),
    listTickets: (params, context) =>
      perform({ method: 'listTickets', params }, context, () =>
        pageOfContactItems('tickets', tickets, params, (ticket) => timeOf(ticket.createdAt)),
      ),
    listTimeline: (params, context) =>
      perform({ method: 'listTimeline', params }, context, () =>
        pageOfContactItems('timeline', timeline, params, (event) => timeOf(event.at)),
      ),
    listChats: (params, context) =>
      // Chats carry no creation time: newest is the most recently added.
      perform({ method: 'listChats', params }, context, () => pageOfContactItems('chats', chats, params, () => 0)),
    listMessages: (params, context) =>
      perform({ method: 'listMessages', params }, context, () => messages.list(params)),
    sendMessage: (params, context) =>
      perform({ method: 'sendMessage', params }, context, () => messages.send(params.input)),
    importContacts: (params, context) =>
      perform({ method: 'importContacts', params }, context, () => importContacts(params.input)),
    uploadMedia: (params, context) =>
      perform({ method: 'uploadMedia', params }, context, () => uploadMedia(params.file, params.purpose)),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };

  const control: MemoryProviderControl = {
    get calls() {
      return calls;
    },
    clearCalls() {
      calls.length = 0;
    },
    failNext(method, error) {
      const queue = faults.get(method) ?? [];
      queue.push(error);
      faults.set(method, queue);
    },
    completeVerification,
    receiveReply(contactId, text) {
      const contact = requireContact(contactId).contact;
      const at = nowIso();
      const active = activeChatOf(contactId);
      let chat: Chat;
      if (active) {
        chat = { ...active.item, lastInboundAt: at };
        active.item = chat;
      } else {
        const lastChat = chats
          .filter((entry) => entry.item.contactId === contactId)
          .sort((left, right) => right.sequence - left.sequence)[0]?.item;
        const senderId = lastChat?.senderId ?? senders[0]?.id;
        if (senderId === undefined) throw new Error('receiveReply needs at least one sender');
        chat = { id: createId('chat'), contactId: contact.id, status: 'open', assignee: null, lastInboundAt: at, senderId };
        chats.push(sequenced(chat));
      }
      emit({ type: 'chat.updated', chat });
      messages.receive(chat, text, at);
      const ticketId = tickets.findLast((entry) => entry.item.chatId === chat.id)?.item.id;
      addTimelineEvent(contactId, 'customer.replied', text, ticketId);
      return copy(chat);
    },
    setMessageStatus: (messageId, status, failureReason) => messages.setStatus(messageId, status, failureReason),
    setOptedOut(contactId, optedOut) {
      const contact: Contact = { ...requireContact(contactId).contact };
      if (optedOut) contact.optedOut = true;
      else delete contact.optedOut;
      replaceContact(contact);
      emit({ type: 'contact.updated', contact });
      return copy(contact);
    },
    setLatency(latencyMs) {
      latency = latencyMs;
    },
    snapshot() {
      return {
        contacts: sortedContacts.map((entry) => copyContact(entry.contact)),
        ...copy({
          senders,
          templates,
          agents,
          chats: chats.map((entry) => entry.item),
          tickets: tickets.map((entry) => entry.item),
          timeline: timeline.map((entry) => entry.item),
        }),
        messages: messages.snapshot(),
      };
    },
    dispose() {
      for (const timer of timers) globalThis.clearTimeout(timer);
      timers.clear();
      verificationTimers.clear();
      listeners.clear();
    },
  };
  return { ...methods, control };
}
