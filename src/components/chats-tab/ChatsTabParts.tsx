import { forwardRef, useId } from 'react';
import type { ComponentPropsWithoutRef, ForwardRefExoticComponent, RefAttributes } from 'react';
import type { Chat } from '../../core/types';
import { useMessages } from './messages';
import type { WidgetMessageKey } from './messages';
import { useChatMessages } from '../../data/useChatMessages';
import { cn } from '../internal/cn';
import { ticketReference } from '../internal/ticketReference';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { createPagedListEmpty, createPagedListError, createPagedListLoadMore } from '../internal/pagedListParts';
import type { PagedListPartOptions, PagedListPartsSpec } from '../internal/pagedListParts';
import { useChatsTab } from './useChatsTab';
import type { UseChatsTabOptions, UseChatsTabResult } from './useChatsTab';
import { useReplyWindow } from './useReplyWindow';

export interface ChatsTabContextValue {
  /** Everything `useChatsTab` returns. */
  tab: UseChatsTabResult;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
  /** The host's "Open chat" action; without one, no button is shown. */
  onOpenChat: ((chat: Chat) => void) | undefined;
  /** The clock the reply windows count down with. */
  now: (() => Date) | undefined;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
const chatsTabWidgetContext = createWidgetContext<ChatsTabContextValue>('ChatsTab');
const useWidgetContext: WidgetContext<ChatsTabContextValue>['useWidgetContext'] = (part) => chatsTabWidgetContext.useWidgetContext(part);
const usePartClassName: WidgetContext<ChatsTabContextValue>['usePartClassName'] = (...args) => chatsTabWidgetContext.usePartClassName(...args);

/**
 * The enclosing `ChatsTab.Root`'s state, for parts and for the host's own ones.
 *
 * @example
 * const { tab } = useChatsTabContext();
 * return <p>{tab.chats.length} chats</p>;
 */
export const useChatsTabContext: (part?: string) => ChatsTabContextValue = useWidgetContext;

type PartOptions = PagedListPartOptions;

function usePart(part: string, partClass: string, unstyled: boolean | undefined, className: string | undefined) {
  return { ...useChatsTabContext(part), className: usePartClassName(part, partClass, unstyled, className) };
}

export interface ChatsTabRootProps extends UseChatsTabOptions, ComponentPropsWithoutRef<'div'> {
  /** Called with a chat when the user presses its "Open chat" button; without it, no button is shown. */
  onOpenChat?: (chat: Chat) => void;
  /**
   * The clock for the reply-window countdowns, e.g. the server-corrected time.
   * @default () => new Date()
   */
  now?: () => Date;
  /**
   * Leaves out Reachout's classes on every part; behaviour and data attributes stay.
   * @default false
   */
  unstyled?: boolean;
}

/** Loads the contact's chats and shares them with the parts inside. */
export const ChatsTabRoot = forwardRef<HTMLDivElement, ChatsTabRootProps>(function ChatsTabRoot(
  { contactId, pageSize, onOpenChat, now, unstyled = false, className, ...props },
  ref,
) {
  const tab = useChatsTab({ contactId, pageSize });
  return (
    <chatsTabWidgetContext.Provider value={{ tab, unstyled, onOpenChat, now }}>
      <div
        ref={ref}
        data-slot="chats-tab"
        data-state={tab.status}
        className={cn(!unstyled && 'reachout-chats-tab', className)}
        {...props}
      />
    </chatsTabWidgetContext.Provider>
  );
});

const hour = 60 * 60 * 1000;

export interface ChatsTabReplyWindowProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, PartOptions {
  /** The chat whose 24-hour window to show. */
  chat: Chat;
}

/**
 * The chat's reply window: "Waiting for the customer to reply — free-form messages are locked"
 * until the customer writes, then "You can reply until <time>" with a countdown, and locked
 * again when it closes. Only this part re-renders as the countdown moves. The sentence is a
 * polite live region; the countdown is not, so it is not read out every minute.
 */
export const ChatsTabReplyWindow = forwardRef<HTMLDivElement, ChatsTabReplyWindowProps>(function ChatsTabReplyWindow(
  { chat, unstyled, className, ...props },
  ref,
) {
  const { now, className: partClassName } = usePart('ChatsTab.ReplyWindow', 'reachout-chats-tab__window', unstyled, className);
  const { t, formatDate } = useMessages();
  const replyWindow = useReplyWindow(chat, { now });
  let sentence: string;
  let countdown: string | null = null;
  let state: 'waiting' | 'open' | 'closed';
  if (replyWindow.state === 'open') {
    state = 'open';
    sentence = t('chatsTab.window.open', { time: formatDate(replyWindow.closesAt) });
    const { remainingMs } = replyWindow;
    if (remainingMs <= 60_000) {
      countdown = t('chatsTab.window.remainingSeconds', { seconds: Math.ceil(remainingMs / 1000) });
    } else {
      const minutes = Math.ceil(remainingMs / 60_000);
      countdown =
        remainingMs > hour
          ? t('chatsTab.window.remainingHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
          : t('chatsTab.window.remainingMinutes', { minutes });
    }
  } else if (replyWindow.closedAt === null) {
    state = 'waiting';
    sentence = t('chatsTab.window.waiting');
  } else {
    state = 'closed';
    sentence = t('chatsTab.window.closed', { time: formatDate(replyWindow.closedAt) });
  }
  return (
    <div ref={ref} data-slot="chats-tab-window" data-state={state} className={partClassName} {...props}>
      <span role="status" data-slot="chats-tab-window-text">
        {sentence}
      </span>
      {countdown !== null && (
        <span data-slot="chats-tab-countdown" dir="auto">
          {countdown}
        </span>
      )}
    </div>
  );
});

/**
 * The chat's newest message, who wrote it and when: what a person scans a list of chats for. The
 * page is the one the chat's thread shows first (same query), so opening the chat costs nothing
 * more. Nothing without `listMessages`, or while the chat has no message.
 */
function ChatsTabLastMessage({ chat }: { chat: Chat }) {
  const { t, formatRelativeTime, formatDate } = useMessages();
  const { messages, isSupported } = useChatMessages(chat.id);
  const newest = messages[0];
  if (!isSupported || newest === undefined) return null;
  const text = newest.text.replace(/\s+/gu, ' ').trim();
  return (
    <p data-slot="chats-tab-last-message" data-direction={newest.direction}>
      <span data-slot="chats-tab-last-message-text" dir="auto">
        {newest.direction === 'inbound'
          ? text
          : t('chatsTab.lastMessage.outbound', { author: newest.author?.name ?? t('chatsTab.lastMessage.business'), text })}
      </span>{' '}
      <time data-slot="chats-tab-last-message-time" dateTime={newest.at} title={formatDate(newest.at)}>
        {formatRelativeTime(newest.at)}
      </time>
    </p>
  );
}

function ChatsTabItem({ chat }: { chat: Chat }) {
  const { onOpenChat, unstyled } = useChatsTabContext('ChatsTab.List');
  const { t } = useMessages();
  const titleId = useId();
  return (
    <li data-slot="chats-tab-chat" data-state={chat.status} data-chat-id={chat.id}>
      <div data-slot="chats-tab-chat-header">
        <span id={titleId} data-slot="chats-tab-chat-title" dir="ltr" title={chat.id}>
          {t('chatsTab.chat', { reference: ticketReference(chat.id) })}
        </span>
        <span data-slot="chats-tab-badge" data-state={chat.status}>
          {t(`chat.status.${chat.status}`)}
        </span>
        <span data-slot="chats-tab-assignee" dir="auto">
          {chat.assignee?.name ?? t('chatsTab.unassigned')}
        </span>
        {onOpenChat && (
          <button
            type="button"
            data-slot="chats-tab-open"
            aria-describedby={titleId}
            className={cn(!unstyled && 'reachout-chats-tab__button')}
            onClick={() => onOpenChat(chat)}
          >
            {t('chatsTab.openChat')}
          </button>
        )}
      </div>
      <ChatsTabLastMessage chat={chat} />
      <ChatsTabReplyWindow chat={chat} />
    </li>
  );
}

export interface ChatsTabListProps extends Omit<ComponentPropsWithoutRef<'ul'>, 'children'>, PartOptions {}

/** The chats, newest first, as a list named "Chats": status, assignee, reply window, "Open chat". */
export const ChatsTabList = forwardRef<HTMLUListElement, ChatsTabListProps>(function ChatsTabList(
  { unstyled, className, ...props },
  ref,
) {
  const { tab, unstyled: rootUnstyled, className: partClassName } = usePart('ChatsTab.List', 'reachout-chats-tab__list', unstyled, className);
  const { t } = useMessages();
  if (tab.status === 'loading') {
    return (
      <p data-slot="chats-tab-loading" aria-busy="true" className={cn(!(unstyled ?? rootUnstyled) && 'reachout-chats-tab__note')}>
        {t('common.loading')}
      </p>
    );
  }
  if (tab.status !== 'ready') return null;
  return (
    <ul
      ref={ref}
      aria-label={t('chatsTab.label')}
      aria-busy={tab.isFetchingNextPage ? true : undefined}
      data-slot="chats-tab-list"
      className={partClassName}
      {...props}
    >
      {tab.chats.map((chat) => (
        <ChatsTabItem key={chat.id} chat={chat} />
      ))}
    </ul>
  );
});

const pagedList: PagedListPartsSpec<WidgetMessageKey> = {
  widget: 'ChatsTab',
  slot: 'chats-tab',
  emptyClass: 'note',
  emptyMessage: 'chatsTab.empty',
  errorTitle: 'chatsTab.error.title',
  useMessages,
  useRoot: (part) => {
    const { tab, unstyled } = useChatsTabContext(part);
    return { list: tab, unstyled };
  },
};

export interface ChatsTabLoadMoreProps extends ComponentPropsWithoutRef<'button'>, PartOptions {}

/** The "Load more" button: asks for older chats by cursor. Renders nothing on the last page. */
export const ChatsTabLoadMore: ForwardRefExoticComponent<ChatsTabLoadMoreProps & RefAttributes<HTMLButtonElement>> = createPagedListLoadMore(pagedList);

export interface ChatsTabEmptyProps extends ComponentPropsWithoutRef<'p'>, PartOptions {}

/** "No chats yet", when the contact has none. */
export const ChatsTabEmpty: ForwardRefExoticComponent<ChatsTabEmptyProps & RefAttributes<HTMLParagraphElement>> = createPagedListEmpty(pagedList);

export interface ChatsTabErrorProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

/** Why the chats (or the next page) could not be loaded, with "Retry"; an alert. */
export const ChatsTabError: ForwardRefExoticComponent<ChatsTabErrorProps & RefAttributes<HTMLDivElement>> = createPagedListError(pagedList);
