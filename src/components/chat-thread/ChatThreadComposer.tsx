import { forwardRef, useId } from 'react';
import type { ComponentPropsWithoutRef, KeyboardEvent } from 'react';
import { cn } from '../internal/cn';
import { usePart } from './ChatThreadContext';
import type { ChatThreadPartOptions } from './ChatThreadContext';
import { ChatThreadWindowNotice } from './ChatThreadWindowNotice';
import { useMessages } from './messages';

/** The counter shows from this many characters left. */
const counterThreshold = 200;

export interface ChatThreadComposerProps extends ComponentPropsWithoutRef<'form'>, ChatThreadPartOptions {}

/**
 * The "Message" box and "Send", enabled only while the reply window is open, with its
 * countdown ("Window closes in 3 h 12 min") and a counter near the 4,096-character limit.
 * Enter sends, Shift+Enter adds a line. When the window is closed it explains why and offers
 * "Send template" (the template panel, or the Root's `onSendTemplate`); a provider without
 * `sendMessage` gets a note instead. Hidden while the template panel is open.
 */
export const ChatThreadComposer = forwardRef<HTMLFormElement, ChatThreadComposerProps>(function ChatThreadComposer(
  { unstyled, className, onSubmit, ...props },
  ref,
) {
  const { thread, styled, isTemplatePanelOpen, className: partClassName } = usePart(
    'Composer',
    'reachout-chat-thread__composer',
    unstyled,
    className,
  );
  const { t } = useMessages();
  const hintId = useId();
  const counterId = useId();
  const { replyWindow, draft, draftLength, maxLength } = thread;

  if (thread.status === 'unsupported' || isTemplatePanelOpen) return null;
  if (!thread.canSendMessages) {
    return (
      <p data-slot="chat-thread-read-only" className={cn(styled && 'reachout-chat-thread__note')}>
        {t('chatThread.readOnly')}
      </p>
    );
  }

  const remaining = maxLength - draftLength;
  const tooLong = remaining < 0;
  const canSubmit = thread.canReply && draft.trim() !== '' && !tooLong;

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    thread.send();
  };

  return (
    <form
      ref={ref}
      data-slot="chat-thread-composer"
      data-window={replyWindow.state}
      className={partClassName}
      onSubmit={(event) => {
        onSubmit?.(event);
        if (event.defaultPrevented) return;
        event.preventDefault();
        thread.send();
      }}
      {...props}
    >
      <ChatThreadWindowNotice id={hintId} unstyled={!styled} />
      <div className={cn(styled && 'reachout-chat-thread__row')}>
        <textarea
          aria-label={t('chatThread.composer.label')}
          aria-describedby={`${hintId} ${counterId}`}
          aria-invalid={tooLong || undefined}
          placeholder={thread.canReply ? t('chatThread.composer.placeholder') : undefined}
          rows={1}
          value={draft}
          disabled={!thread.canReply}
          onChange={(event) => thread.setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          className={cn(styled && 'reachout-chat-thread__input')}
        />
        <button type="submit" disabled={!canSubmit} className={cn(styled && 'reachout-chat-thread__send')}>
          {t('chatThread.composer.send')}
        </button>
      </div>
      <p id={counterId} aria-live="polite" data-slot="chat-thread-counter" data-invalid={tooLong ? '' : undefined} className={cn(styled && 'reachout-chat-thread__counter')}>
        {remaining <= counterThreshold
          ? tooLong
            ? t('chatThread.composer.tooLong', { count: -remaining })
            : t('chatThread.composer.remaining', { count: remaining })
          : null}
      </p>
    </form>
  );
});
