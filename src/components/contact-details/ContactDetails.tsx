import * as Tabs from '@radix-ui/react-tabs';
import { forwardRef, useId, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Chat, Ticket } from '../../core/types';
import { useContact } from '../../data';
import { useMessages } from './messages';
import { ChatThread } from '../chat-thread';
import { ChatsTab } from '../chats-tab';
import { ContactListAvatar } from '../contact-list';
import { ContactTimeline } from '../contact-timeline';
import { cn } from '../internal/cn';
import { useControllableState } from '../internal/useControllableState';
import { FormattedPhone } from '../internal/usePhone';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { SendMessageWizard } from '../send-message-wizard';
import { TicketsTab } from '../tickets-tab';

/** The tabs of a contact's details, in their order. */
export const contactDetailsTabs = ['timeline', 'tickets', 'chats'] as const;
/** One tab of a contact's details. */
export type ContactDetailsTab = (typeof contactDetailsTabs)[number];

export interface ContactDetailsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The contact to show. */
  contactId: string;
  /** The open tab, when the host owns it (e.g. in its URL). */
  tab?: ContactDetailsTab;
  /**
   * The tab open at first, when the host does not own `tab`.
   * @default 'timeline'
   */
  defaultTab?: ContactDetailsTab;
  /**
   * Called with every tab change the user asks for.
   * @default undefined
   */
  onTabChange?: (tab: ContactDetailsTab) => void;
  /**
   * Called with a chat from the Chats tab, or from the wizard when an active chat blocks a send;
   * the chat's conversation (`ChatThread`) opens in the Chats tab either way.
   * @default undefined
   */
  onOpenChat?: (chat: Chat) => void;
  /**
   * Called with a ticket from the Tickets tab or the wizard's "Open ticket".
   * @default undefined
   */
  onOpenTicket?: (ticket: Ticket) => void;
  /**
   * Called once per notification sent through "Send message", with its ticket.
   * @default undefined
   */
  onSent?: (ticket: Ticket) => void;
  /**
   * Where the "Send message" dialog is rendered: an element inside the host's themed root when
   * the theme class or `dir` sits below `<body>`.
   * @default document.body
   */
  container?: HTMLElement | null;
  /**
   * Leaves out Reachout's classes; behaviour and data attributes stay.
   * @default false
   */
  unstyled?: boolean;
}

/** A host attribute's key as a label: `city` → "City", `plan_tier` → "Plan tier". */
function attributeLabel(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

function isContactDetailsTab(value: string): value is ContactDetailsTab {
  return (contactDetailsTabs as readonly string[]).includes(value);
}

/**
 * A contact's page: avatar, name, phone and email, a "Send message" button opening the
 * SendMessageWizard, the contact's other fields (when it was added, its attributes), and the Timeline, Tickets and Chats tabs (arrow keys move between them),
 * all updated live. `data-state` says what it shows: `loading`, `ready`, `not-found`, `error`.
 *
 * @example
 * <ContactDetails contactId={id} onOpenChat={(chat) => navigate(`/chats/${chat.id}`)} />
 */
export const ContactDetails = forwardRef<HTMLElement, ContactDetailsProps>(function ContactDetails(
  {
    contactId,
    tab: tabProp,
    defaultTab = 'timeline',
    onTabChange,
    onOpenChat,
    onOpenTicket,
    onSent,
    container,
    unstyled = false,
    className,
    ...props
  },
  ref,
) {
  const { t, errorMessage, formatDate } = useMessages();
  const contact = useContact(contactId);
  const [tab, setTab] = useControllableState({ value: tabProp, defaultValue: defaultTab, onChange: onTabChange });
  const [wizardOpen, setWizardOpen] = useState(false);
  const [openChatId, setOpenChatId] = useState<string | null>(null);
  const openChat = (chat: Chat) => {
    setOpenChatId(chat.id);
    setTab('chats');
    onOpenChat?.(chat);
  };
  const titleId = useId();
  const part = (name: string) => cn(!unstyled && `reachout-contact-details__${name}`);
  const data = contact.data;
  const state = data !== undefined ? 'ready' : contact.error?.code === 'NOT_FOUND' ? 'not-found' : contact.error ? 'error' : 'loading';

  return (
    <section
      ref={ref}
      data-slot="contact-details"
      data-state={state}
      aria-labelledby={data === undefined ? undefined : titleId}
      aria-label={state === 'loading' ? t('contactDetails.loading') : undefined}
      aria-busy={state === 'loading' || undefined}
      className={cn(!unstyled && 'reachout-contact-details', className)}
      {...props}
    >
      {state === 'loading' && (
        <div data-slot="contact-details-skeleton" className={part('skeleton')}>
          <VisuallyHidden>{t('contactDetails.loading')}</VisuallyHidden>
          <span aria-hidden="true" />
          <span aria-hidden="true" />
        </div>
      )}
      {(state === 'not-found' || state === 'error') && (
        <div role="alert" data-slot="contact-details-error" className={part('message')}>
          {state === 'not-found' ? (
            <p>{t('contactDetails.notFound')}</p>
          ) : (
            <>
              <p className={part('message-title')}>{t('contactDetails.error.title')}</p>
              <p>{errorMessage(contact.error)}</p>
              <button type="button" className={part('button')} onClick={() => void contact.refetch()}>
                {t('common.retry')}
              </button>
            </>
          )}
        </div>
      )}
      {data !== undefined && (
        <>
          <header data-slot="contact-details-header" className={part('header')}>
            <ContactListAvatar contact={data} unstyled={unstyled} className={part('avatar')} />
            <div className={part('identity')}>
              <h2 id={titleId} data-slot="contact-details-name" className={part('name')}>
                {data.name}
              </h2>
              <p className={part('meta')}>
                <span dir="ltr">
                  <FormattedPhone e164={data.phone} />
                </span>
                {data.email !== null && <span>{data.email}</span>}
                {data.optedOut === true && (
                  <span data-slot="contact-details-opted-out" className={part('badge')}>
                    {t('contactDetails.optedOut')}
                  </span>
                )}
              </p>
            </div>
            <button type="button" data-slot="contact-details-send" className={part('send')} onClick={() => setWizardOpen(true)}>
              {t('contactDetails.sendMessage')}
            </button>
          </header>
          <dl data-slot="contact-details-fields" className={part('fields')}>
            <div className={part('field')}>
              <dt>{t('contactDetails.field.createdAt')}</dt>
              <dd>
                <time dateTime={data.createdAt}>{formatDate(data.createdAt, { dateStyle: 'medium' })}</time>
              </dd>
            </div>
            {Object.entries(data.attributes ?? {}).map(([name, value]) => (
              <div key={name} data-attribute={name} className={part('field')}>
                <dt>{attributeLabel(name)}</dt>
                <dd dir="auto">{value}</dd>
              </div>
            ))}
          </dl>
          <Tabs.Root
            value={tab}
            onValueChange={(value) => {
              if (isContactDetailsTab(value)) setTab(value);
            }}
            data-slot="contact-details-tabs"
            className={part('tabs')}
          >
            <Tabs.List aria-label={t('contactDetails.tabs.label')} className={part('tab-list')}>
              {contactDetailsTabs.map((value) => (
                <Tabs.Trigger
                  key={value}
                  value={value}
                  className={part('tab')}
                  onMouseDown={(event) => {
                    if (event.button !== 0 || event.ctrlKey) return;
                    // Radix focuses the tab from script on mousedown, which browsers treat as a
                    // keyboard-style focus and ring; this does its work with a mouse-style focus.
                    // Preventing the default also skips Radix's own handler.
                    event.preventDefault();
                    setTab(value);
                    event.currentTarget.focus({ focusVisible: false });
                  }}
                >
                  {t(`contactDetails.tab.${value}`)}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            <Tabs.Content value="timeline" className={part('panel')}>
              <ContactTimeline contactId={contactId} />
            </Tabs.Content>
            <Tabs.Content value="tickets" className={part('panel')}>
              <TicketsTab contactId={contactId} onOpenTicket={onOpenTicket} />
            </Tabs.Content>
            <Tabs.Content value="chats" className={part('panel')}>
              {openChatId === null ? (
                <ChatsTab contactId={contactId} onOpenChat={openChat} />
              ) : (
                <div className={part('chat')}>
                  <button type="button" className={part('back')} onClick={() => setOpenChatId(null)}>
                    {t('contactDetails.backToChats')}
                  </button>
                  <ChatThread chatId={openChatId} unstyled={unstyled} />
                </div>
              )}
            </Tabs.Content>
          </Tabs.Root>
          <SendMessageWizard
            contactId={contactId}
            open={wizardOpen}
            onOpenChange={setWizardOpen}
            onSent={onSent}
            onOpenChat={openChat}
            onOpenTicket={onOpenTicket}
            container={container}
            unstyled={unstyled}
          />
        </>
      )}
    </section>
  );
});
