import { forwardRef, useEffect, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { Chat, Ticket } from '../../core/types';
import { useMessages } from './messages';
import { ContactDetails } from '../contact-details';
import { ContactList } from '../contact-list';
import { CreateContactDialog } from '../create-contact-dialog';
import { cn } from '../internal/cn';
import { useControllableState } from '../internal/useControllableState';
import { warnDeprecated } from '../internal/warnDeprecated';

export interface ContactsInboxProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The selected contact's id (`null`: none), when the host owns it, e.g. bound to its router. */
  selectedContactId?: string | null;
  /**
   * The contact selected at first, when the host does not own `selectedContactId`.
   * @default null
   */
  defaultSelectedContactId?: string | null;
  /**
   * Called with every selection the inbox asks for: a contact picked or created, or `null` from
   * "Back to contacts".
   * @default undefined
   */
  onSelectedContactIdChange?: (contactId: string | null) => void;
  /**
   * The old name of `onSelectedContactIdChange`.
   * @deprecated Use `onSelectedContactIdChange`; this name goes in the next minor version.
   */
  onSelectedContactChange?: (contactId: string | null) => void;
  /**
   * Called with a chat from the Chats tab or the wizard.
   * @default undefined
   */
  onOpenChat?: (chat: Chat) => void;
  /**
   * Called with a ticket from the Tickets tab or the wizard.
   * @default undefined
   */
  onOpenTicket?: (ticket: Ticket) => void;
  /**
   * Where the dialogs are rendered: an element inside the host's themed root when the theme
   * class or `dir` sits below `<body>`.
   * @default document.body
   */
  container?: HTMLElement | null;
  /**
   * Leaves out Reachout's classes (so both panes always show); behaviour and data attributes stay.
   * @default false
   */
  unstyled?: boolean;
}

/**
 * The whole feature on one page: the ContactList beside the selected contact's ContactDetails
 * (with "Send message" and its tabs), and the "Create contact" dialog; a created contact is
 * selected. Side by side when the inbox is wide, one pane at a time when it is narrow (with
 * "Back to contacts"), by the inbox's own width. It fills the height its host gives it.
 *
 * @example
 * <ContactsInbox selectedContactId={params.contactId ?? null}
 *                onSelectedContactIdChange={(id) => navigate(id ? `/contacts/${id}` : '/contacts')} />
 */
export const ContactsInbox = forwardRef<HTMLDivElement, ContactsInboxProps>(function ContactsInbox(
  {
    selectedContactId,
    defaultSelectedContactId = null,
    onSelectedContactIdChange,
    onSelectedContactChange,
    onOpenChat,
    onOpenTicket,
    container,
    unstyled = false,
    className,
    ...props
  },
  ref,
) {
  const { t } = useMessages();
  const [selected, setSelected] = useControllableState<string | null>({
    value: selectedContactId,
    defaultValue: defaultSelectedContactId,
    onChange: onSelectedContactIdChange ?? onSelectedContactChange,
  });
  if (onSelectedContactChange !== undefined) warnDeprecated('ContactsInbox onSelectedContactChange', 'onSelectedContactIdChange');
  const [creating, setCreating] = useState(false);
  // The contact just created: the list scrolls to it and marks it until another is picked.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  // Set by a pick or "Back": a narrow inbox hides the pane that had focus, so focus follows the
  // user to the pane now shown (skipped when the pane stays visible, on wide screens).
  const moveFocus = useRef<'details' | 'list' | null>(null);
  useEffect(() => {
    const target = moveFocus.current;
    moveFocus.current = null;
    if (target === 'details') {
      if (backRef.current?.offsetParent != null) backRef.current.focus();
    } else if (target === 'list') {
      // The search box: the rows of a list shown again are only laid out after this commit.
      listRef.current?.querySelector<HTMLElement>('input[type="search"]')?.focus();
    }
  });
  const part = (name: string) => cn(!unstyled && `reachout-contacts-inbox__${name}`);

  return (
    <div
      ref={ref}
      data-slot="contacts-inbox"
      // Which pane a narrow inbox shows.
      data-state={selected === null ? 'list' : 'details'}
      className={cn(!unstyled && 'reachout-contacts-inbox', className)}
      {...props}
    >
      <div ref={listRef} data-slot="contacts-inbox-list" className={part('list')}>
        <ContactList
          selectedContactId={selected}
          highlightedContactId={createdId}
          onSelect={(contact) => {
            moveFocus.current = 'details';
            setCreatedId(null);
            setSelected(contact.id);
          }}
          onCreateContact={() => setCreating(true)}
          unstyled={unstyled}
        />
      </div>
      <div data-slot="contacts-inbox-details" className={part('details')}>
        {selected === null ? (
          <p className={part('placeholder')}>{t('inbox.noSelection')}</p>
        ) : (
          <>
            <button
              ref={backRef}
              type="button"
              data-slot="contacts-inbox-back"
              className={part('back')}
              onClick={() => {
                moveFocus.current = 'list';
                setSelected(null);
              }}
            >
              <span aria-hidden="true" className={part('back-arrow')}>
                ←
              </span>
              {t('inbox.back')}
            </button>
            <ContactDetails
              contactId={selected}
              onOpenChat={onOpenChat}
              onOpenTicket={onOpenTicket}
              container={container}
              unstyled={unstyled}
            />
          </>
        )}
      </div>
      <CreateContactDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(contact) => {
          setCreatedId(contact.id);
          setSelected(contact.id);
        }}
        onOpenContact={(contact) => {
          setCreatedId(null);
          setSelected(contact.id);
        }}
        container={container}
        unstyled={unstyled}
      />
    </div>
  );
});
