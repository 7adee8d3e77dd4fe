import { forwardRef, useEffect, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Chat, Ticket } from '../../core/types';
import { useActiveChat, useTickets } from '../../data';
import { useMessages } from './messages';
import { ContactDetails } from '../contact-details';
import {
  ContactList,
  ContactListCount,
  ContactListCreateButton,
  ContactListEmpty,
  ContactListError,
  ContactListGrid,
  ContactListSearch,
  ContactListToolbar,
  useContactListContext,
} from '../contact-list';
import { CreateContactDialog } from '../create-contact-dialog';
import { cn } from '../internal/cn';
import { useControllableState } from '../internal/useControllableState';
import { warnDeprecated } from '../internal/warnDeprecated';

function UploadIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M12 15V4M7.5 8.5 12 4l4.5 4.5M5 15v3a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-3" />
    </svg>
  );
}

function InboxIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M4 5h16v14H4zM4 13h4.5l1.5 2.5h4l1.5-2.5H20" />
    </svg>
  );
}

interface InboxListLayoutProps {
  /** The "Import contacts" button, or `null` when the host does not handle imports. */
  importButton: ReactNode;
  part: (name: string) => string | undefined;
}

/**
 * ContactList's default layout with "Import contacts" beside "Create contact", and an empty book
 * that offers both.
 */
function InboxListLayout({ importButton, part }: InboxListLayoutProps) {
  const { list } = useContactListContext('ContactsInbox');
  const { t } = useMessages();
  const isEmptyBook = list.status === 'empty';
  return (
    <>
      <ContactListToolbar>
        <ContactListSearch />
        {/* An empty book offers its own actions: one "Create contact" button at a time. */}
        {!isEmptyBook && (
          <>
            <ContactListCreateButton />
            {importButton}
          </>
        )}
      </ContactListToolbar>
      <ContactListCount />
      <ContactListGrid />
      <ContactListEmpty>
        {/* Without an import, the list's own empty book (with its "Create contact"). */}
        {isEmptyBook && importButton !== null ? (
          <>
            <p data-slot="contact-list-empty-title">{t('inbox.empty.title')}</p>
            <p data-slot="contact-list-empty-description">{t('inbox.empty.description')}</p>
            <div data-slot="contacts-inbox-empty-actions" className={part('empty-actions')}>
              <ContactListCreateButton />
              {importButton}
            </div>
          </>
        ) : undefined}
      </ContactListEmpty>
      <ContactListError />
    </>
  );
}

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
   * Shows "Import contacts" beside "Create contact" (and in an empty book), and is called when it
   * is pressed: open an `ImportContactsDialog` there. The inbox does not bundle the dialog, so a
   * host that imports nothing pays nothing for it.
   * @default undefined (no import button)
   * @example
   * const [importing, setImporting] = useState(false);
   * <ContactsInbox onImportContacts={() => setImporting(true)} />
   * <ImportContactsDialog open={importing} onOpenChange={setImporting} />
   */
  onImportContacts?: () => void;
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
 * selected. With `onImportContacts`, "Import contacts" sits beside "Create contact". Side by side when the inbox is wide, one pane at a time when it is narrow (with
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
    onImportContacts,
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
  // The selected contact's active chat and tickets: its row's status dot reads them from the
  // cache (the provider's Contact carries no status), and the wizard and Tickets tab reuse them.
  useActiveChat(selected);
  useTickets(selected);
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
  const importButton = onImportContacts ? (
    <button
      type="button"
      data-slot="contacts-inbox-import"
      className={part('import')}
      title={t('inbox.importContacts')}
      onClick={() => onImportContacts()}
    >
      <UploadIcon />
      <span data-slot="contacts-inbox-import-label" className={part('import-label')}>
        {t('inbox.importContacts')}
      </span>
    </button>
  ) : null;

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
        <ContactList.Root
          selectedContactId={selected}
          highlightedContactId={createdId}
          onSelect={(contact) => {
            moveFocus.current = 'details';
            setCreatedId(null);
            setSelected(contact.id);
          }}
          onCreateContact={() => setCreating(true)}
          unstyled={unstyled}
        >
          <InboxListLayout importButton={importButton} part={part} />
        </ContactList.Root>
      </div>
      <div data-slot="contacts-inbox-details" className={part('details')}>
        {selected === null ? (
          <div data-slot="contacts-inbox-placeholder" className={part('placeholder')}>
            <span aria-hidden="true" className={part('placeholder-icon')}>
              <InboxIcon />
            </span>
            <p className={part('placeholder-title')}>{t('inbox.noSelection')}</p>
            <p className={part('placeholder-description')}>{t('inbox.noSelection.description')}</p>
          </div>
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
