import type { Chat } from './types';

/** How long after the customer's last message an agent may send free-form messages. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

const activeStatuses: ReadonlySet<Chat['status']> = new Set(['open', 'assigned', 'queued']);

/** An open, assigned or queued chat: a proactive notification cannot be sent while one exists. */
export function isChatActive(chat: Pick<Chat, 'status'>): boolean {
  return activeStatuses.has(chat.status);
}

export type ReplyWindow =
  | { state: 'open'; closesAt: Date; remainingMs: number }
  /** `closedAt: null` means the customer has not written yet. */
  | { state: 'closed'; closedAt: Date | null };

/**
 * WhatsApp's 24-hour customer-service window: free-form messages are allowed only within 24
 * hours of the customer's last message; outside it, only templates.
 *
 * @example
 * const window = replyWindow(chat, new Date());
 * if (window.state === 'open') console.log(`reply until ${window.closesAt.toISOString()}`);
 */
export function replyWindow(chat: Pick<Chat, 'lastInboundAt'>, now: Date): ReplyWindow {
  if (!chat.lastInboundAt) return { state: 'closed', closedAt: null };
  const opened = Date.parse(chat.lastInboundAt);
  if (Number.isNaN(opened)) return { state: 'closed', closedAt: null };
  const closesAt = opened + REPLY_WINDOW_MS;
  const remainingMs = closesAt - now.getTime();
  return remainingMs > 0
    ? { state: 'open', closesAt: new Date(closesAt), remainingMs }
    : { state: 'closed', closedAt: new Date(closesAt) };
}
