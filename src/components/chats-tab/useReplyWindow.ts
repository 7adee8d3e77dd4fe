import { useEffect, useState } from 'react';
import { replyWindow } from '../../core/rules';
import type { ReplyWindow } from '../../core/rules';
import type { Chat } from '../../core/types';

export interface UseReplyWindowOptions {
  /**
   * The clock. Pass the server-corrected time if the device's clock may be off.
   * @default () => new Date()
   */
  now?: () => Date;
}

/**
 * The chat's 24-hour window: `{ state: 'open', closesAt, remainingMs }` or
 * `{ state: 'closed', closedAt }` (`closedAt: null` while the customer has not written yet).
 */
export type UseReplyWindowResult = ReplyWindow;

const second = 1000;
const minute = 60 * second;

/**
 * How long until the countdown reads differently: to the next whole minute of what remains,
 * or to the next whole second in the last minute. Both chains land exactly on the closing time.
 */
export function msUntilReplyWindowChange(remainingMs: number): number {
  const unit = remainingMs <= minute ? second : minute;
  return remainingMs % unit || unit;
}

const systemNow = () => new Date();

/**
 * WhatsApp's 24-hour reply window for a chat, kept current: the component re-renders when the
 * countdown changes (each minute, each second in the last one) and when the window closes, by
 * a single timer set to that moment. Nothing runs while the window is closed; a new inbound
 * message (a new `lastInboundAt`) opens it again.
 *
 * @example
 * const window = useReplyWindow(chat);
 * return window.state === 'open'
 *   ? <Composer hint={`Reply until ${window.closesAt.toLocaleTimeString()}`} />
 *   : <p>Waiting for the customer to reply: send a template instead.</p>;
 */
export function useReplyWindow(
  chat: Pick<Chat, 'lastInboundAt'> | null | undefined,
  options: UseReplyWindowOptions = {},
): UseReplyWindowResult {
  const now = options.now ?? systemNow;
  // Only its changes matter: each one re-renders, and the window is read again from the clock.
  const [, setRenderCount] = useState(0);
  const windowState = replyWindow({ lastInboundAt: chat?.lastInboundAt ?? null }, now());
  const remainingMs = windowState.state === 'open' ? windowState.remainingMs : null;
  useEffect(() => {
    if (remainingMs === null) return;
    const timer = setTimeout(() => setRenderCount((count) => count + 1), msUntilReplyWindowChange(remainingMs));
    return () => clearTimeout(timer);
  }, [remainingMs]);
  return windowState;
}
