import { createContext, forwardRef, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, MutableRefObject } from 'react';
import { cn } from '../internal/cn';
import { useChatThread } from './useChatThread';
import type { UseChatThreadOptions, UseChatThreadResult } from './useChatThread';

export interface ChatThreadContextValue {
  /** Everything `useChatThread` returns. */
  thread: UseChatThreadResult;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
  /**
   * The host's "Send template" action for a closed window; without one, "Send template" opens
   * the thread's own template panel (`ChatThread.TemplatePanel`).
   */
  onSendTemplate: (() => void) | undefined;
  /** Whether the template panel is open (it then takes the composer's place). */
  isTemplatePanelOpen: boolean;
  setTemplatePanelOpen: (open: boolean) => void;
  /** Set when the panel closes: "Send template" takes the focus back when it shows again. */
  sendTemplateFocusRef: MutableRefObject<boolean>;
  /** The clock of the countdown and of "Today" / "Yesterday". */
  now: (() => Date) | undefined;
}

const ChatThreadContext = createContext<ChatThreadContextValue | null>(null);

/**
 * The enclosing `ChatThread.Root`'s state, for parts and for the host's own ones.
 *
 * @example
 * const { thread } = useChatThreadContext();
 * return <p>{thread.replyWindow.state === 'open' ? 'You can reply' : 'Locked'}</p>;
 */
export function useChatThreadContext(part = 'useChatThreadContext'): ChatThreadContextValue {
  const context = useContext(ChatThreadContext);
  if (context === null) throw new Error(`<${part}> must be used inside <ChatThread.Root> (ChatThreadRoot)`);
  return context;
}

export interface ChatThreadPartOptions {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/** The context of a part, and its class name merged with the host's. */
export function usePart(part: string, partClass: string, unstyled: boolean | undefined, className: string | undefined) {
  const context = useChatThreadContext(`ChatThread.${part}`);
  const styled = !(unstyled ?? context.unstyled);
  return { ...context, styled, className: cn(styled && partClass, className) };
}

export interface ChatThreadRootProps extends UseChatThreadOptions, ComponentPropsWithoutRef<'div'> {
  /**
   * Called by "Send template" when the reply window is closed, for a host with its own flow
   * (which sends through `sendMessage` with a template). Without it, "Send template" opens the
   * thread's template panel: the template and content steps, in place of the composer.
   */
  onSendTemplate?: () => void;
  /**
   * Leaves out Reachout's classes on every part; behaviour and data attributes stay.
   * @default false
   */
  unstyled?: boolean;
}

/** Loads the chat's messages and reply window and shares them with the parts inside. */
export const ChatThreadRoot = forwardRef<HTMLDivElement, ChatThreadRootProps>(function ChatThreadRoot(
  { chatId, pageSize, now, onSendTemplate, unstyled = false, className, ...props },
  ref,
) {
  const thread = useChatThread({ chatId, pageSize, now });
  const [isTemplatePanelOpen, setOpen] = useState(false);
  const sendTemplateFocusRef = useRef(false);
  const setTemplatePanelOpen = useCallback((open: boolean) => {
    sendTemplateFocusRef.current = !open;
    setOpen(open);
  }, []);
  const value = useMemo(
    () => ({ thread, unstyled, onSendTemplate, now, isTemplatePanelOpen, setTemplatePanelOpen, sendTemplateFocusRef }),
    [thread, unstyled, onSendTemplate, now, isTemplatePanelOpen, setTemplatePanelOpen],
  );
  return (
    <ChatThreadContext.Provider value={value}>
      <div
        ref={ref}
        data-slot="chat-thread"
        data-state={thread.status}
        data-window={thread.replyWindow.state}
        className={cn(!unstyled && 'reachout-chat-thread', className)}
        {...props}
      />
    </ChatThreadContext.Provider>
  );
});
