import * as z from 'zod/mini';
import { createAbortError, ReachoutError } from '../core/errors';
import type { CallContext, ReachoutDataProvider, ReachoutMethod } from '../core/provider';
import { agentMatchesSearch, type CursorPosition, templateMatchesSearch } from '../core/provider-rules';
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
  TimelineEvent,
  TimelineEventType,
} from '../core/types';
import { fixtures } from './fixtures';
import { copyContact, createContactIndex, notFound } from './internal/contacts';
import { delay } from './internal/delay';
import { createMemoryImport } from './internal/importContacts';
import { createMessageStore } from './internal/messages';
import { createCampaignStore } from './internal/campaigns';
import { createNotificationStore, type Sequenced } from './internal/notifications';
import { paginate } from './internal/paginate';
import { createRandom } from './internal/random';
import { createMediaUploads } from './internal/uploads';
import type {
  LatencyOption,
  MemoryProvider,
  MemoryProviderCall,
  MemoryProviderControl,
  MemoryProviderOptions,
} from './types';

/** Numbers ending in this fail verification by default, as an unreachable number would. */
const unreachableSuffix = '0000';

type IdPrefix = 'contact' | 'chat' | 'ticket' | 'event';

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

/** Newest first: later time first, then later insertion first. */
function compareNewestFirst(leftTime: number, leftSequence: number, key: CursorPosition): number {
  const [keyTime, keySequence] = key as [number, number];
  return keyTime - leftTime || keySequence - leftSequence;
}

const copy = <Value>(value: Value): Value => structuredClone(value);

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
  const campaignStepMs = options.campaignStepMs ?? null;
  const random = createRandom(options.seed ?? 1);
  let latency: LatencyOption = options.latencyMs ?? 0;

  const worldIsFixtures = options.contacts === undefined;
  const senders: Sender[] = copy(options.senders ?? fixtures.senders);
  const templates: MessageTemplate[] = copy(options.templates ?? fixtures.templates);
  const agents: Agent[] = copy(options.agents ?? fixtures.agents);
  const templateSenders = options.templateSenders ?? {};

  const contacts = createContactIndex(options.contacts ?? fixtures.contacts);

  let sequence = 0;
  const sequenced = <Item>(item: Item): Sequenced<Item> => ({ item, sequence: (sequence += 1) });
  const seedOrEmpty = <Item>(given: Item[] | undefined, fixture: Item[]): Item[] =>
    copy(given ?? (worldIsFixtures ? fixture : []));
  const chats = seedOrEmpty(options.chats, fixtures.chats).map(sequenced);
  const tickets = seedOrEmpty(options.tickets, fixtures.tickets).map(sequenced);
  const timeline = seedOrEmpty(options.timeline, fixtures.timeline).map(sequenced);

  const calls: MemoryProviderCall[] = [];
  const faults = new Map<ReachoutMethod, Error[]>();
  const listeners = new Set<(event: ReachoutEvent) => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  // ------------------------------------------------------------------------------------------
  // Plumbing
  // ------------------------------------------------------------------------------------------

  const usedIds = (prefix: IdPrefix): ((id: string) => boolean) => {
    switch (prefix) {
      case 'contact':
        return (id) => contacts.get(id) !== undefined;
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

  const drawDelay = (range: LatencyOption): number => {
    if (typeof range === 'number') return range;
    return random.integer(Math.min(range.min, range.max), Math.max(range.min, range.max));
  };
  const drawLatency = (): number => drawDelay(latency);

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
  const cancel = (timer: ReturnType<typeof setTimeout>) => {
    globalThis.clearTimeout(timer);
    timers.delete(timer);
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
    phoneOf: (contactId) => contacts.require(contactId).contact.phone,
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
  /** A contact's items, newest first, one page of them. */
  const pageOfContactItems = <Item extends { contactId: string }>(
    list: 'tickets' | 'timeline' | 'chats',
    entries: readonly Sequenced<Item>[],
    params: { contactId: string; cursor?: string | null; limit?: number },
    timeOfItem: (item: Item) => number,
  ): Page<Item> => {
    contacts.require(params.contactId);
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

  const campaigns = createCampaignStore({
    now,
    emit,
    contacts,
    requireSender,
    findTemplate: (templateId, senderId) =>
      templates.find((template) => template.id === templateId && templateBelongsTo(template, senderId)),
    activeChatOf,
    verify,
    schedule,
    nextStepMs: campaignStepMs === null ? null : () => drawDelay(campaignStepMs),
  });

  const notifications = createNotificationStore({
    nowIso,
    emit,
    schedule,
    cancel,
    createId,
    sequenced,
    contacts,
    senders,
    templates,
    agents,
    templateBelongsTo,
    tickets,
    chats,
    activeChatOf,
    addTimelineEvent,
    syncTicketMessage: (ticket) => messages.syncTicket(ticket),
    verify,
    verifyAfterMs,
    deliveryStepMs,
  });

  // ------------------------------------------------------------------------------------------
  // The provider
  // ------------------------------------------------------------------------------------------

  const createContact = (input: ContactInput): Contact => {
    const parsed = z.safeParse(contactInputSchema, input);
    if (!parsed.success) {
      throw new ReachoutError('VALIDATION', 'Check the highlighted fields', {
        fieldErrors: fieldErrorsOf(parsed.error),
      });
    }
    const { name, email, phone, avatarUrl } = parsed.data;
    const existingId = contacts.idOfPhone(phone);
    if (existingId !== undefined) {
      const existing = contacts.require(existingId).contact;
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
    contacts.add(contact);
    emit({ type: 'contact.created', contact });
    addTimelineEvent(contact.id, 'contact.created', 'Contact created');
    return copy(contact);
  };


  const importContacts = createMemoryImport({
    findByPhone: (phone) => contacts.get(contacts.idOfPhone(phone) ?? '')?.contact,
    newContactId: () => createId('contact'),
    now: nowIso,
    addContacts(added) {
      contacts.addMany(added);
      for (const contact of added) {
        // Not createId('event'): it scans the timeline for each id, 100,000 times over on a big import.
        timeline.push(sequenced({ id: `event-imported-${contact.id}`, contactId: contact.id, type: 'contact.created', at: contact.createdAt, text: 'Contact imported' }));
      }
    },
    replaceContacts(replaced) {
      for (const contact of replaced) {
        contacts.replaceImported(contact);
      }
    },
    emitImported(created, updated) {
      emit({ type: 'contacts.imported', created, updated });
    },
  });

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


  const uploadMedia = createMediaUploads();

  const methods: Required<ReachoutDataProvider> = {
    listContacts: (params, context) =>
      perform({ method: 'listContacts', params }, context, () => contacts.list(params)),
    getContact: (params, context) =>
      perform({ method: 'getContact', params }, context, () => copyContact(contacts.require(params.id).contact)),
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
        contacts.require(params.contactId);
        const chat = activeChatOf(params.contactId)?.item;
        return chat ? copy(chat) : null;
      }),
    previewCampaign: (params, context) =>
      perform({ method: 'previewCampaign', params }, context, () => campaigns.preview(params)),
    createCampaign: (params, context) =>
      perform({ method: 'createCampaign', params }, context, () => campaigns.create(params.input)),
    getCampaign: (params, context) => perform({ method: 'getCampaign', params }, context, () => campaigns.get(params.id)),
    listCampaigns: (params, context) => perform({ method: 'listCampaigns', params }, context, () => campaigns.list(params)),
    listCampaignRecipients: (params, context) =>
      perform({ method: 'listCampaignRecipients', params }, context, () => campaigns.listRecipients(params)),
    updateCampaign: (params, context) =>
      perform({ method: 'updateCampaign', params }, context, () => campaigns.update(params)),
    sendNotification: (params, context) =>
      perform({ method: 'sendNotification', params }, context, () => notifications.send(params.input)),
    getTicket: (params, context) =>
      perform({ method: 'getTicket', params }, context, () => copy(notifications.requireTicket(params.id).item)),
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
    completeVerification: notifications.completeVerification,
    advanceCampaigns: (options) => campaigns.advance(options?.turns),
    receiveReply(contactId, text) {
      const contact = contacts.require(contactId).contact;
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
      const contact: Contact = { ...contacts.require(contactId).contact };
      if (optedOut) contact.optedOut = true;
      else delete contact.optedOut;
      contacts.replace(contact);
      emit({ type: 'contact.updated', contact });
      return copy(contact);
    },
    setLatency(latencyMs) {
      latency = latencyMs;
    },
    snapshot() {
      return {
        contacts: contacts.inOrder().map((entry) => copyContact(entry.contact)),
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
      notifications.dispose();
      listeners.clear();
    },
  };
  return { ...methods, control };
}
