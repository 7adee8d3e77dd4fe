import type { ReachoutDataProvider } from '../../core/provider';
import { messagePageSchema, messageSchema } from '../../core/conversation';
import { REPLY_WINDOW_MS } from '../../core/rules';
import { buildTemplateMessage } from '../../core/template';
import type { Chat, Message, Page, ReachoutEvent, SendMessageInput, SendTemplateMessageInput } from '../../core/types';
import { assert, assertAborts, assertEqual, assertJsonEqual, assertRejectsWith, assertShape, waitUntil } from './assertions';
import { contractFixtures, contractIds, type ContractWorld } from './contractFixtures';
import type { ContractSubject } from './describeProviderContract';

/** What `describeProviderContract` hands to the conversation cases. */
export interface MessagesContractOptions {
  describe: (name: string, body: () => void) => void;
  it: (title: string, body: () => Promise<void>) => void;
  /** A provider of its own over `world`, disposed of after `body`. */
  writing: (
    world: ContractWorld,
    body: (
      provider: ReachoutDataProvider & Required<Pick<ReachoutDataProvider, 'listMessages' | 'sendMessage'>>,
      subject: ContractSubject,
    ) => Promise<void>,
  ) => Promise<void>;
  timeoutMs: number;
}

const windowChatId = 'contract-chat-oscar-window';
const minute = 60 * 1000;

/**
 * The contract world plus a chat of Oscar's whose customer last wrote `sinceInboundMs` ago (a
 * chat and its inbound message, so a backend may take the window from either).
 */
function worldWithWindow(sinceInboundMs: number): ContractWorld {
  const world = structuredClone(contractFixtures);
  const lastInboundAt = new Date(Date.now() - sinceInboundMs).toISOString();
  const chat: Chat = {
    id: windowChatId,
    contactId: contractIds.oscar,
    status: 'open',
    assignee: null,
    lastInboundAt,
    senderId: contractIds.supportSender,
  };
  world.chats.push(chat);
  (world.messages ??= []).push({
    id: 'contract-message-oscar-1',
    chatId: windowChatId,
    contactId: contractIds.oscar,
    direction: 'inbound',
    kind: 'text',
    text: 'Hello? Is anyone there?',
    author: null,
    status: null,
    failureReason: null,
    at: lastInboundAt,
  });
  return world;
}

/** Open for about a minute more; closed for a second. */
const openWorld = () => worldWithWindow(REPLY_WINDOW_MS - minute);
const closedWorld = () => worldWithWindow(REPLY_WINDOW_MS + 1000);

function key(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `contract-message-${random}`;
}

function textInput(text: string, chatId = windowChatId): SendMessageInput {
  return { idempotencyKey: key(), chatId, text };
}

function templateInput(chatId = windowChatId): SendTemplateMessageInput {
  const template = contractFixtures.templates.find((candidate) => candidate.id === contractIds.orderTemplate);
  const oscar = contractFixtures.contacts.find((contact) => contact.id === contractIds.oscar);
  if (!template || !oscar) throw new Error('contractFixtures lost its order template or Oscar');
  const parameters = { body: { '1': 'Oscar', '2': '#1002' } };
  return {
    idempotencyKey: key(),
    chatId,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message: buildTemplateMessage({ to: oscar.phone, template, parameters }),
  };
}

async function allMessages(provider: Required<Pick<ReachoutDataProvider, 'listMessages'>>, chatId: string, limit: number) {
  const items: Message[] = [];
  let cursor: string | null = null;
  for (let pageNumber = 1; pageNumber <= 1000; pageNumber += 1) {
    const page: Page<Message> = await provider.listMessages({ chatId, cursor, limit });
    assertShape(messagePageSchema, page, `a listMessages page (limit ${limit})`);
    assert(page.items.length <= limit, `listMessages page ${pageNumber} has ${page.items.length} items, limit was ${limit}`);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  throw new Error('listMessages: still paging after 1000 pages');
}

const ids = (messages: readonly Message[]) => messages.map((message) => message.id);

/**
 * The conversation cases of the provider contract (`listMessages`, `sendMessage`): order,
 * paging back, the 24-hour window's edges, OUTSIDE_WINDOW, idempotent sends, events. Each case
 * passes without checking anything when the provider has neither method.
 */
export function describeMessagesContract({ describe, it, writing, timeoutMs }: MessagesContractOptions): void {
  describe('messages (run when the provider has listMessages and sendMessage)', () => {
    it('lists a chat’s messages newest first, page by page', async () => {
      await writing(structuredClone(contractFixtures), async (provider) => {
        const items = await allMessages(provider, contractIds.hugoChat, 2);
        assertJsonEqual(
          ids(items),
          ['contract-message-hugo-5', 'contract-message-hugo-4', 'contract-message-hugo-3', 'contract-message-hugo-2', 'contract-message-hugo-1'],
          'Hugo Martin’s messages, newest first',
        );
        const first = items.at(-1);
        assertEqual(first?.kind, 'template', 'the first message’s kind (the notification)');
        assertEqual(items[0]?.status, null, 'an inbound message’s status');
      });
    });

    it('rejects an unknown chat with NOT_FOUND, and a cursor it did not issue with VALIDATION', async () => {
      await writing(structuredClone(contractFixtures), async (provider) => {
        await assertRejectsWith(provider.listMessages({ chatId: 'contract-no-such-chat' }), 'NOT_FOUND', 'listMessages of an unknown chat');
        await assertRejectsWith(
          provider.sendMessage({ input: textInput('Hello', 'contract-no-such-chat') }),
          'NOT_FOUND',
          'sendMessage to an unknown chat',
        );
        await assertRejectsWith(
          provider.listMessages({ chatId: contractIds.hugoChat, cursor: 'not-a-real-cursor!!', limit: 2 }),
          'VALIDATION',
          'listMessages with a garbled cursor',
        );
      });
    });

    it('sends a text while the window is open, a minute before it closes, and lists it first', async () => {
      await writing(openWorld(), async (provider) => {
        const sent = await provider.sendMessage({ input: textInput('We are on it, Oscar.') });
        assertShape(messageSchema, sent, 'sendMessage');
        assertJsonEqual(
          { chatId: sent.chatId, contactId: sent.contactId, direction: sent.direction, kind: sent.kind, text: sent.text },
          { chatId: windowChatId, contactId: contractIds.oscar, direction: 'outbound', kind: 'text', text: 'We are on it, Oscar.' },
          'the sent message',
        );
        assert(sent.status !== null && sent.status !== 'failed', `a sent text’s status is a delivery, got ${String(sent.status)}`);
        const page = await provider.listMessages({ chatId: windowChatId });
        assertJsonEqual(ids(page.items), [sent.id, 'contract-message-oscar-1'], 'the chat’s messages after the send');
      });
    });

    it('refuses a text with OUTSIDE_WINDOW once 24 hours have passed since the customer wrote, and stores nothing', async () => {
      await writing(closedWorld(), async (provider) => {
        await assertRejectsWith(provider.sendMessage({ input: textInput('Still there?') }), 'OUTSIDE_WINDOW', 'a text after the window');
        await assertRejectsWith(
          provider.sendMessage({ input: textInput('Hello again', contractIds.hugoChat) }),
          'OUTSIDE_WINDOW',
          'a text in a chat whose customer wrote months ago',
        );
        assertJsonEqual(ids((await provider.listMessages({ chatId: windowChatId })).items), ['contract-message-oscar-1'], 'messages after the refusal');
      });
    });

    it('sends an approved template whatever the window, rendered', async () => {
      await writing(closedWorld(), async (provider) => {
        const sent = await provider.sendMessage({ input: templateInput() });
        assertShape(messageSchema, sent, 'sendMessage with a template');
        assertEqual(sent.kind, 'template', 'kind');
        assertEqual(sent.text, 'Hi Oscar, your order #1002 has shipped.', 'text');
      });
    });

    it('refuses an empty text and one over 4,096 characters with VALIDATION, and takes 4,096', async () => {
      await writing(openWorld(), async (provider) => {
        await assertRejectsWith(provider.sendMessage({ input: textInput('   ') }), 'VALIDATION', 'an empty text');
        await assertRejectsWith(provider.sendMessage({ input: textInput('a'.repeat(4097)) }), 'VALIDATION', 'a text of 4,097 characters');
        const longest = await provider.sendMessage({ input: textInput('a'.repeat(4096)) });
        assertEqual(longest.text.length, 4096, 'length of a text of 4,096 characters');
      });
    });

    it('answers the same message for a repeated key, once however they race, and CONFLICT for the key with another text', async () => {
      await writing(openWorld(), async (provider) => {
        const input = textInput('Only once, please.');
        const sends = await Promise.all([1, 2, 3].map(() => provider.sendMessage({ input: structuredClone(input) })));
        assertEqual(new Set(ids(sends)).size, 1, 'distinct messages among three racing sends with one key');
        const again = await provider.sendMessage({ input });
        assertEqual(again.id, sends[0]?.id, 'message of a later repeat');
        await assertRejectsWith(
          provider.sendMessage({ input: { ...input, text: 'Something else' } }),
          'CONFLICT',
          'sendMessage reusing a key for another text',
        );
        const texts = (await provider.listMessages({ chatId: windowChatId })).items.filter((message) => message.text === 'Only once, please.');
        assertEqual(texts.length, 1, 'copies of the message in the chat');
      });
    });

    it('leaves the key of a refused send unused: the same key then sends', async () => {
      await writing(closedWorld(), async (provider) => {
        const input = templateInput();
        const wrongPayload: SendMessageInput = { ...input, message: { ...input.message, to: '+15550000000' } };
        await assertRejectsWith(provider.sendMessage({ input: wrongPayload }), 'VALIDATION', 'a template whose payload is not the one built');
        const sent = await provider.sendMessage({ input });
        assertEqual(sent.kind, 'template', 'kind of the send after a refusal with its key');
        const templates = (await provider.listMessages({ chatId: windowChatId })).items.filter((message) => message.kind === 'template');
        assertJsonEqual(ids(templates), [sent.id], 'template messages in the chat');
      });
    });

    it('sends a failed message again when its key is retried, as the same message (when the backend can fail one)', async () => {
      await writing(openWorld(), async (provider, subject) => {
        if (!subject.failMessage) return;
        const input = textInput('Please try again');
        const first = await provider.sendMessage({ input });
        await subject.failMessage(first.id, 'Message undeliverable');
        const failed = (await provider.listMessages({ chatId: windowChatId })).items.find((message) => message.id === first.id);
        assertEqual(failed?.status, 'failed', 'status after the backend failed it');
        const retried = await provider.sendMessage({ input: structuredClone(input) });
        assertEqual(retried.id, first.id, 'message answered to the retry');
        assert(retried.status !== 'failed', `a retried message is sent again, got status ${String(retried.status)}`);
        assertEqual(retried.failureReason, null, 'failureReason after the retry');
        const copies = (await provider.listMessages({ chatId: windowChatId })).items.filter((message) => message.text === 'Please try again');
        assertEqual(copies.length, 1, 'copies of the message in the chat');
      });
    });

    it('pages back without repeating or skipping while new messages arrive', async () => {
      await writing(openWorld(), async (provider) => {
        const sent: Message[] = [];
        for (const text of ['one', 'two', 'three', 'four']) sent.push(await provider.sendMessage({ input: textInput(text) }));
        const first = await provider.listMessages({ chatId: windowChatId, limit: 2 });
        assertJsonEqual(ids(first.items), [sent[3]?.id, sent[2]?.id], 'the first page');
        await provider.sendMessage({ input: textInput('five, while paging') });
        assert(first.nextCursor !== null, 'the first page has a next cursor');
        const second = await provider.listMessages({ chatId: windowChatId, cursor: first.nextCursor, limit: 2 });
        assertJsonEqual(ids(second.items), [sent[1]?.id, sent[0]?.id], 'the second page, after a new message');
      });
    });

    it('emits message.added for a sent message (when the provider has subscribe)', async () => {
      await writing(openWorld(), async (provider) => {
        if (!provider.subscribe) return;
        const events: ReachoutEvent[] = [];
        const unsubscribe = provider.subscribe((event) => events.push(event));
        try {
          const sent = await provider.sendMessage({ input: textInput('Live!') });
          await waitUntil(
            () => events.some((event) => event.type === 'message.added' && event.message.id === sent.id),
            timeoutMs / 2,
            'no message.added event for the sent message',
          );
        } finally {
          unsubscribe();
        }
      });
    });

    it('rejects listMessages and sendMessage with an AbortError when the signal is already aborted, sending nothing', async () => {
      await writing(openWorld(), async (provider) => {
        const controller = new AbortController();
        controller.abort();
        const context = { signal: controller.signal };
        await assertAborts(provider.listMessages({ chatId: windowChatId }, context), 'listMessages');
        await assertAborts(provider.sendMessage({ input: textInput('Aborted') }, context), 'sendMessage');
        assertEqual((await provider.listMessages({ chatId: windowChatId })).items.length, 1, 'messages after an aborted send');
      });
    });
  });
}
