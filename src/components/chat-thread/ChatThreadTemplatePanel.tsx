import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, KeyboardEvent, SubmitEvent } from 'react';
import type { MessageTemplate } from '../../core/types';
import { useChats, useContact } from '../../data';
import { cn } from '../internal/cn';
import { ContactFieldSelect, TemplateContentFields, TemplatePicker, useTemplateContent } from '../template-steps';
import { usePart } from './ChatThreadContext';
import type { ChatThreadPartOptions } from './ChatThreadContext';
import { useMessages } from './messages';
import type { UseChatThreadResult } from './useChatThread';

export interface ChatThreadTemplatePanelProps extends ComponentPropsWithoutRef<'form'>, ChatThreadPartOptions {}

/**
 * "Send template" for a closed window, in place of the composer: the template step and the
 * content step (the shared `TemplatePicker` and `TemplateContentFields`, as SendMessageWizard
 * uses them), then "Send template" sends through `sendMessage` and the template shows at once
 * as a pending bubble. "Cancel" or Escape closes it. Renders nothing while closed.
 */
export const ChatThreadTemplatePanel = forwardRef<HTMLFormElement, ChatThreadTemplatePanelProps>(function ChatThreadTemplatePanel(
  { unstyled, className, ...props },
  ref,
) {
  const { thread, styled, isTemplatePanelOpen, setTemplatePanelOpen, className: partClassName } = usePart(
    'TemplatePanel',
    'reachout-chat-thread__template-panel',
    unstyled,
    className,
  );
  if (!isTemplatePanelOpen || !thread.canSendTemplate) return null;
  return (
    <TemplatePanelSteps
      ref={ref}
      thread={thread}
      styled={styled}
      close={() => setTemplatePanelOpen(false)}
      className={partClassName}
      {...props}
    />
  );
});

interface TemplatePanelStepsProps extends ComponentPropsWithoutRef<'form'> {
  thread: UseChatThreadResult;
  styled: boolean;
  close: () => void;
}

/** The open panel: its hooks (contact, chat, content) run only while it is shown. */
const TemplatePanelSteps = forwardRef<HTMLFormElement, TemplatePanelStepsProps>(function TemplatePanelSteps(
  { thread, styled, close, onSubmit, onKeyDown, ...props },
  ref,
) {
  const { t, errorMessage } = useMessages();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const { data: contact, error: contactError } = useContact(thread.contactId);
  const chats = useChats(thread.contactId);
  const chat = chats.chats.find((candidate) => candidate.id === thread.chatId);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = chats;
  useEffect(() => {
    // The chat names the business number whose templates may be sent; it may sit on a later page.
    if (!chat && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [chat, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const [step, setStep] = useState<'template' | 'content'>('template');
  const [template, setTemplate] = useState<MessageTemplate | null>(null);
  const [showIssues, setShowIssues] = useState(false);
  const content = useTemplateContent({ template, contact: contact ?? null });

  // Focus moves into the panel when it opens and to each step's title, as a dialog's would.
  useEffect(() => {
    titleRef.current?.focus();
  }, [step]);

  const part = (name: string) => cn(styled && `reachout-chat-thread__${name}`);
  const lookupError = contactError ?? chats.error;
  const ready = contact !== undefined && chat !== undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (step === 'template') {
      if (template === null) {
        setShowIssues(true);
        return;
      }
      setShowIssues(false);
      setStep('content');
      return;
    }
    if (template === null || !content.isValid || !contact) {
      setShowIssues(true);
      return;
    }
    thread.sendTemplate({ template, parameters: content.parameters, to: contact.phone });
    close();
  };

  return (
    // Escape from any of its fields closes the panel, as it would a dialog.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      ref={ref}
      aria-labelledby={titleId}
      data-slot="chat-thread-template-panel"
      data-step={step}
      onSubmit={submit}
      onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => {
        onKeyDown?.(event);
        if (event.defaultPrevented || event.key !== 'Escape') return;
        event.preventDefault();
        close();
      }}
      noValidate
      {...props}
    >
      <h3 id={titleId} ref={titleRef} tabIndex={-1} className={part('template-title')}>
        {t('chatThread.templatePanel.title')}
      </h3>
      {lookupError ? (
        <p role="alert">{errorMessage(lookupError)}</p>
      ) : !ready ? (
        <p role="status">{t('chatThread.loading')}</p>
      ) : step === 'template' ? (
        <>
          <TemplatePicker senderId={chat.senderId} value={template} onValueChange={setTemplate} unstyled={!styled} />
          {showIssues && template === null ? (
            <p role="alert" className={part('template-error')}>
              {t('chatThread.templatePanel.chooseTemplate')}
            </p>
          ) : null}
        </>
      ) : (
        <TemplateContentFields
          content={content}
          showAllErrors={showIssues}
          unstyled={!styled}
          renderVariableSource={(_variable, source) => <ContactFieldSelect contact={contact} {...source} />}
        />
      )}
      <div className={part('template-actions')}>
        {step === 'content' ? (
          <button type="button" className={part('template-back')} onClick={() => setStep('template')}>
            {t('chatThread.templatePanel.back')}
          </button>
        ) : (
          <button type="button" className={part('template-back')} onClick={close}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" disabled={!ready} className={part('send')}>
          {step === 'template' ? t('chatThread.templatePanel.next') : t('chatThread.templatePanel.send')}
        </button>
      </div>
    </form>
  );
});
