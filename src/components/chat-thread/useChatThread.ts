import { useCallback, useMemo, useRef, useState } from 'react';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect';
import { countCharacters } from '../../core/characters';
import { messageLimits } from '../../core/conversation';
import type { ReachoutError } from '../../core/errors';
import { buildTemplateMessage, renderTemplate } from '../../core/template';
import type { Message, MessageTemplate, SendMessageInput, TemplateParameters } from '../../core/types';
import { useChatMessages } from '../../data/useChatMessages';
import { useMessages } from './messages';
import { useSendMessage } from '../../data/useSendMessage';
import { useReplyWindow } from '../chats-tab';
import type { UseReplyWindowResult } from '../chats-tab';

export interface UseChatThreadOptions {
  /** The chat to show. */
  chatId: string;
  /**
   * Messages fetched per page as the person scrolls back.
   * @default 30
   */
  pageSize?: number;
  /**
   * The clock of the reply window's countdown, e.g. the server-corrected time.
   * @default () => new Date()
   */
  now?: () => Date;
}

/**
 * `unsupported`: the data provider has no `listMessages`; `loading`: the first page is on its
 * way; `error`: it failed; `empty`: the chat has no messages; `ready`: messages to show.
 */
export type ChatThreadStatus = 'unsupported' | 'loading' | 'error' | 'empty' | 'ready';

/** A message this thread is sending, shown at once: `pending`, then gone (sent) or `failed`. */
export interface ChatThreadOutgoing {
  idempotencyKey: string;
  /** What is sent, and sent again as it is by Retry (the same key needs the same input). */
  input: SendMessageInput;
  /** A text, or a template (shown as its bubble). */
  kind: Message['kind'];
  /** The text shown: the draft, or the template's rendered body. */
  text: string;
  status: 'pending' | 'failed';
  error: ReachoutError | null;
  /** When the person sent it (ISO). */
  at: string;
  /**
   * The thread's message ids when it was sent: none of them is this send's own copy, which the
   * provider may report (as an event) before answering the send.
   */
  earlierMessageIds: ReadonlySet<string>;
  /**
   * The provider's message once it accepted the send (`null` before). A message WhatsApp failed
   * afterwards is retried as that same message, and cannot be discarded.
   */
  messageId: string | null;
}

/** One row of the thread, oldest first: a day separator or a message. */
export type ChatThreadRow =
  | { type: 'day'; key: string; date: Date }
  | {
      type: 'message';
      key: string;
      message: Message;
      /**
       * Set for a message this thread is still sending, or failed to send, or sent and WhatsApp
       * then failed (the last two with Retry).
       */
      outgoing: ChatThreadOutgoing | null;
    };

export interface UseChatThreadResult {
  chatId: string;
  status: ChatThreadStatus;
  /** Why the messages could not be loaded (`status: 'error'`). */
  error: ReachoutError | null;
  /** Day separators and messages, oldest first, the messages being sent last. */
  rows: ChatThreadRow[];
  /** Older messages remain to be loaded. */
  hasOlder: boolean;
  isLoadingOlder: boolean;
  /** Loads the next older page (when the thread is scrolled to its top). */
  loadOlder: () => void;
  refetch: () => Promise<void>;
  /** WhatsApp's 24-hour window, from the customer's last message; counts down live. */
  replyWindow: UseReplyWindowResult;
  /** False when the data provider has no `sendMessage`: the thread is read-only. */
  canSendMessages: boolean;
  /** A text may be sent now: the provider can send and the window is open. */
  canReply: boolean;
  /** The composer's text. */
  draft: string;
  setDraft: (text: string) => void;
  /** The draft's length in characters (`countCharacters`), and the limit of a WhatsApp text. */
  draftLength: number;
  maxLength: number;
  /** Sends the draft as a text (when `canReply` and the draft is not empty or too long). */
  send: () => void;
  /** A template may be sent now: the provider can send, whatever the window. */
  canSendTemplate: boolean;
  /**
   * Sends an approved template to `to` (the contact's number), shown at once as a pending
   * template bubble; the window stays closed until the customer replies.
   */
  sendTemplate: (options: ChatThreadTemplateSend) => void;
  /** The chat's contact, as its messages say (`null` before any is loaded). */
  contactId: string | null;
  /** Sends a failed message again with its idempotency key, so it is delivered at most once. */
  retry: (idempotencyKey: string) => void;
  /** Drops a failed message from the thread. */
  discard: (idempotencyKey: string) => void;
}

/** What `sendTemplate` sends. */
export interface ChatThreadTemplateSend {
  template: MessageTemplate;
  parameters: TemplateParameters;
  /** The contact's number (E.164), the payload's recipient. */
  to: string;
}

function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `chat-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/**
 * A chat's conversation, headless: the messages as rows with day separators (oldest first,
 * older pages on demand), the 24-hour reply window, and the composer's draft with optimistic
 * sends (shown pending at once, then sent or failed with Retry reusing the idempotency key).
 *
 * @example
 * const thread = useChatThread({ chatId });
 * return (
 *   <>
 *     {thread.rows.map((row) => (row.type === 'day' ? <h3 key={row.key}>{row.date.toDateString()}</h3> : <p key={row.key}>{row.message.text}</p>))}
 *     <textarea value={thread.draft} onChange={(event) => thread.setDraft(event.target.value)} disabled={!thread.canReply} />
 *     <button onClick={thread.send}>Send</button>
 *   </>
 * );
 */
/**
 * Pairs each outgoing send with the provider's copy of it, when that copy has arrived: the oldest
 * outbound message of its kind with the same text that was not already there when the person sent it.
 */
function claimProviderCopies(
  messages: readonly Message[],
  outbox: readonly ChatThreadOutgoing[],
): Map<string, ChatThreadOutgoing> {
  const outgoingOf = new Map<string, ChatThreadOutgoing>();
  for (const entry of outbox) {
    if (entry.messageId !== null) {
      outgoingOf.set(entry.messageId, entry);
      continue;
    }
    for (let index = messages.length - 1; index >= 0; index -= 1) {
      const message = messages[index] as Message;
      if (
        message.direction === 'outbound' &&
        message.kind === entry.kind &&
        message.text === entry.text &&
        !outgoingOf.has(message.id) &&
        !entry.earlierMessageIds.has(message.id)
      ) {
        outgoingOf.set(message.id, entry);
        break;
      }
    }
  }
  return outgoingOf;
}

export function useChatThread(options: UseChatThreadOptions): UseChatThreadResult {
  const { chatId, pageSize = 30, now } = options;
  const { errorMessage } = useMessages();
  const query = useChatMessages(chatId, { limit: pageSize });
  const sendMessage = useSendMessage();
  const replyWindow = useReplyWindow({ lastInboundAt: query.lastInboundAt }, { now });
  const [draft, setDraft] = useState('');
  const [outbox, setOutbox] = useState<ChatThreadOutgoing[]>([]);
  // This thread's sends the provider accepted, by message id: WhatsApp may still fail them, and
  // their Retry must reuse the key.
  const [accepted, setAccepted] = useState<ReadonlyMap<string, ChatThreadOutgoing>>(() => new Map());
  // React does not re-render between clicks dispatched in one task: a state guard would let a
  // burst of clicks (or Enter held down) through, so the keys in flight are kept in a ref.
  const inFlight = useRef(new Set<string>());

  const canSendMessages = sendMessage.isSupported;
  const canReply = canSendMessages && replyWindow.state === 'open';
  const draftLength = countCharacters(draft);
  const maxLength = messageLimits.textMaxLength;

  const { mutateAsync } = sendMessage;
  const deliver = useCallback(
    (entry: ChatThreadOutgoing) => {
      if (inFlight.current.has(entry.idempotencyKey)) return;
      inFlight.current.add(entry.idempotencyKey);
      mutateAsync(entry.input).then(
        (message) => {
          inFlight.current.delete(entry.idempotencyKey);
          setOutbox((current) => current.filter((item) => item.idempotencyKey !== entry.idempotencyKey));
          setAccepted((current) => new Map(current).set(message.id, { ...entry, messageId: message.id }));
        },
        (error: ReachoutError) => {
          inFlight.current.delete(entry.idempotencyKey);
          setOutbox((current) =>
            current.map((item) => (item.idempotencyKey === entry.idempotencyKey ? { ...item, status: 'failed', error } : item)),
          );
        },
      );
    },
    [mutateAsync],
  );

  // The provider's copy of a send may arrive (as an event) before the send is answered; it then
  // takes the outgoing row's place instead of showing twice (see `claimProviderCopies`).
  const messagesRef = useRef(query.messages);
  useIsomorphicLayoutEffect(() => {
    messagesRef.current = query.messages;
  }, [query.messages]);

  /** Shows a send at once (pending) and delivers it. */
  const enqueue = useCallback(
    (send: Pick<ChatThreadOutgoing, 'idempotencyKey' | 'input' | 'kind' | 'text'>) => {
      const entry: ChatThreadOutgoing = {
        ...send,
        status: 'pending',
        error: null,
        at: (now ?? (() => new Date()))().toISOString(),
        earlierMessageIds: new Set(messagesRef.current.map((message) => message.id)),
        messageId: null,
      };
      setOutbox((current) => [...current, entry]);
      deliver(entry);
    },
    [deliver, now],
  );

  // What `send` and `retry` read, so two key presses in one task see the first one's effect.
  const draftRef = useRef(draft);
  useIsomorphicLayoutEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  const send = useCallback(() => {
    const text = draftRef.current;
    if (!canReply || text.trim() === '' || countCharacters(text) > maxLength) return;
    const idempotencyKey = newIdempotencyKey();
    // The next keystroke or Enter already sees an empty box, before React re-renders.
    draftRef.current = '';
    setDraft('');
    enqueue({ idempotencyKey, input: { idempotencyKey, chatId, text }, kind: 'text', text });
  }, [canReply, chatId, enqueue, maxLength]);

  const canSendTemplate = canSendMessages;
  const sendTemplate = useCallback(
    ({ template, parameters, to }: ChatThreadTemplateSend) => {
      if (!canSendTemplate) return;
      const idempotencyKey = newIdempotencyKey();
      const input: SendMessageInput = {
        idempotencyKey,
        chatId,
        template: { id: template.id, name: template.name, language: template.language },
        parameters,
        message: buildTemplateMessage({ to, template, parameters }),
      };
      enqueue({ idempotencyKey, input, kind: 'template', text: renderTemplate(template, parameters).bodyText });
    },
    [canSendTemplate, chatId, enqueue],
  );

  const outboxRef = useRef(outbox);
  const acceptedRef = useRef(accepted);
  useIsomorphicLayoutEffect(() => {
    outboxRef.current = outbox;
    acceptedRef.current = accepted;
  }, [outbox, accepted]);
  const retry = useCallback(
    (idempotencyKey: string) => {
      const entry = outboxRef.current.find((item) => item.idempotencyKey === idempotencyKey);
      if (entry) {
        if (entry.status !== 'failed') return;
        const pending: ChatThreadOutgoing = { ...entry, status: 'pending', error: null };
        // The ref too, so a second click in the same task finds it pending.
        outboxRef.current = outboxRef.current.map((item) => (item.idempotencyKey === idempotencyKey ? pending : item));
        setOutbox((current) => current.map((item) => (item.idempotencyKey === idempotencyKey ? pending : item)));
        deliver(pending);
        return;
      }
      // A message the provider accepted and WhatsApp then failed: sent again with its key, as
      // the same message (the provider sends a failed message's key again).
      const sent = [...acceptedRef.current.values()].find((item) => item.idempotencyKey === idempotencyKey);
      const message = sent && messagesRef.current.find((item) => item.id === sent.messageId);
      if (!sent || message?.status !== 'failed') return;
      const pending: ChatThreadOutgoing = { ...sent, status: 'pending', error: null };
      outboxRef.current = [...outboxRef.current, pending];
      setOutbox((current) => [...current, pending]);
      deliver(pending);
    },
    [deliver],
  );
  const discard = useCallback((idempotencyKey: string) => {
    setOutbox((current) =>
      current.filter((item) => item.idempotencyKey !== idempotencyKey || item.status !== 'failed' || item.messageId !== null),
    );
  }, []);

  const { messages } = query;
  const rows = useMemo(() => {
    const result: ChatThreadRow[] = [];
    let previousDay: string | null = null;
    const outgoingMessage = (entry: ChatThreadOutgoing): Message => ({
      id: `outgoing:${entry.idempotencyKey}`,
      chatId,
      contactId: '',
      direction: 'outbound',
      kind: entry.kind,
      text: entry.text,
      author: null,
      status: entry.status,
      failureReason: entry.error ? errorMessage(entry.error) : null,
      at: entry.at,
    });
    const push = (message: Message, outgoing: ChatThreadOutgoing | null, key: string) => {
      const date = new Date(message.at);
      const day = dayKey(date);
      if (day !== previousDay) {
        result.push({ type: 'day', key: `day:${day}`, date });
        previousDay = day;
      }
      result.push({ type: 'message', key, message, outgoing });
    };
    const outgoingOf = claimProviderCopies(messages, outbox);
    const shown = new Set<ChatThreadOutgoing>();
    for (let index = messages.length - 1; index >= 0; index -= 1) {
      const message = messages[index] as Message;
      const entry = outgoingOf.get(message.id);
      if (entry) shown.add(entry);
      // A retry of an accepted message keeps that message's row.
      const key = entry?.messageId ?? (entry?.status === 'failed' ? `outgoing:${entry.idempotencyKey}` : message.id);
      if (entry?.status === 'failed') {
        // A failed send keeps its row (with Retry).
        push(outgoingMessage(entry), entry, key);
      } else if (entry) {
        // A pending one gives way to the provider's copy, shown pending until it is answered.
        push(message.status === 'failed' ? { ...message, status: 'pending', failureReason: null } : message, null, key);
      } else {
        // WhatsApp failed a message this thread sent: Retry sends it again with its key.
        const sent = message.status === 'failed' ? accepted.get(message.id) : undefined;
        push(message, sent ? { ...sent, status: 'failed', error: null } : null, key);
      }
    }
    for (const entry of outbox) {
      if (shown.has(entry)) continue;
      push(outgoingMessage(entry), entry, entry.messageId ?? `outgoing:${entry.idempotencyKey}`);
    }
    return result;
  }, [messages, outbox, accepted, chatId, errorMessage]);

  const status: ChatThreadStatus = !query.isSupported
    ? 'unsupported'
    : query.isPending
      ? 'loading'
      : query.error && messages.length === 0
        ? 'error'
        : rows.length === 0
          ? 'empty'
          : 'ready';

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadOlder = useCallback(() => {
    void fetchNextPage();
  }, [fetchNextPage]);

  return {
    chatId,
    status,
    error: query.error,
    rows,
    hasOlder: hasNextPage,
    isLoadingOlder: isFetchingNextPage,
    loadOlder,
    refetch: query.refetch,
    replyWindow,
    canSendMessages,
    canReply,
    draft,
    setDraft,
    draftLength,
    maxLength,
    send,
    canSendTemplate,
    sendTemplate,
    contactId: messages[0]?.contactId ?? null,
    retry,
    discard,
  };
}
