import type { Chat, Message } from '../../src/core/types';
import { fixtures } from '../../src/testing';

const minute = 60 * 1000;
const hour = 60 * minute;

export const storyChatId = 'chat-ana-story';
const ana = 'contact-ana-lima';
const agent = fixtures.agents[0]!;

const agentLines = [
  'Hi Ana, thanks for getting back to us!',
  'I have checked with the courier: the parcel is at the local depot.',
  'Would *Friday morning* work for a new delivery?',
  'Done, you will get a tracking link shortly.',
  'Anything else I can help with?',
];
const customerLines = [
  'Hello, I missed the delivery yesterday.',
  'Can you send it again?',
  'Friday works, thank you 🙏',
  'Great, got the link.',
  'No, that is all. Have a nice day!',
];

export interface ConversationOptions {
  /** Messages in the chat, the first one being the notification (template). */
  count: number;
  /** When the customer last wrote (the last inbound message); `null`: never. */
  lastInboundAt: Date | null;
  /** Lines to use instead of the English ones (e.g. Arabic for RTL). */
  lines?: { agent: string[]; customer: string[]; template: string };
}

/**
 * Ana's chat with `count` messages, ending at `lastInboundAt` (or now), 17 minutes apart so
 * day separators appear; the customer's messages stop where the window says they do.
 */
export function conversation({ count, lastInboundAt, lines }: ConversationOptions): { chats: Chat[]; messages: Message[] } {
  const end = lastInboundAt ?? new Date(Date.now() - 5 * minute);
  const template = lines?.template ?? 'Hi Ana, your order #10423 is on its way with DHL Express. Expected delivery: *Friday*.';
  const agentText = lines?.agent ?? agentLines;
  const customerText = lines?.customer ?? customerLines;
  const messages: Message[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = new Date(end.getTime() - (count - 1 - index) * 17 * minute).toISOString();
    const isLast = index === count - 1;
    // Without a reply the conversation is the notification alone, plus agent notes.
    const inbound = lastInboundAt !== null && index > 0 && (isLast || index % 2 === 1);
    const base = { chatId: storyChatId, contactId: ana, at, failureReason: null };
    if (index === 0) {
      messages.push({ ...base, id: 'story-message-0', direction: 'outbound', kind: 'template', text: template, author: null, status: 'read' });
    } else if (inbound) {
      messages.push({
        ...base,
        id: `story-message-${index}`,
        direction: 'inbound',
        kind: 'text',
        text: customerText[index % customerText.length]!,
        author: null,
        status: null,
      });
    } else {
      messages.push({
        ...base,
        id: `story-message-${index}`,
        direction: 'outbound',
        kind: 'text',
        text: agentText[index % agentText.length]!,
        author: agent,
        status: 'read',
      });
    }
  }
  const chat: Chat = {
    id: storyChatId,
    contactId: ana,
    status: 'assigned',
    assignee: agent,
    lastInboundAt: lastInboundAt?.toISOString() ?? null,
    senderId: 'sender-support',
  };
  return { chats: [...fixtures.chats, chat], messages };
}

/** The customer wrote so long ago that the window closes in `closesInMs`. */
export function windowClosingIn(closesInMs: number): Date {
  return new Date(Date.now() - 24 * hour + closesInMs);
}
