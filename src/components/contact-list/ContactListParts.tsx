import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessages } from './messages';
import { composeEventHandlers } from '../internal/composeEventHandlers';
import { useContactListContext, usePartClassName } from './ContactListContext';

interface PartOptions {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

function PlusIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true" focusable="false">
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

export interface ContactListToolbarProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

/** The row above the list holding the search box and the create button. */
export const ContactListToolbar = forwardRef<HTMLDivElement, ContactListToolbarProps>(function ContactListToolbar(
  { unstyled, className, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      data-slot="contact-list-toolbar"
      className={usePartClassName('ContactList.Toolbar', 'reachout-contact-list__toolbar', unstyled, className)}
      {...props}
    />
  );
});

export interface ContactListSearchProps extends Omit<ComponentPropsWithoutRef<'input'>, 'type' | 'value' | 'defaultValue'>, PartOptions {}

/**
 * The `<input type="search">` named "Search contacts": name, email or phone in any format.
 * Escape empties it; ArrowDown moves to the list. Its value is the Root's `search`.
 */
export const ContactListSearch = forwardRef<HTMLInputElement, ContactListSearchProps>(function ContactListSearch(
  { unstyled, className, onChange, onKeyDown, ...props },
  ref,
) {
  const { list } = useContactListContext('ContactList.Search');
  const searchProps = list.getSearchProps();
  return (
    <input
      ref={ref}
      {...searchProps}
      data-slot="contact-list-search"
      className={usePartClassName('ContactList.Search', 'reachout-contact-list__search', unstyled, className)}
      {...props}
      onChange={composeEventHandlers(onChange, searchProps.onChange)}
      onKeyDown={composeEventHandlers(onKeyDown, searchProps.onKeyDown)}
    />
  );
});

export interface ContactListCreateButtonProps extends ComponentPropsWithoutRef<'button'>, PartOptions {}

/** The "Create contact" button; renders nothing when the Root has no `onCreateContact`. */
export const ContactListCreateButton = forwardRef<HTMLButtonElement, ContactListCreateButtonProps>(
  function ContactListCreateButton({ unstyled, className, onClick, children, ...props }, ref) {
    const { onCreateContact } = useContactListContext('ContactList.CreateButton');
    const { t } = useMessages();
    const partClassName = usePartClassName('ContactList.CreateButton', 'reachout-contact-list__create', unstyled, className);
    if (onCreateContact === undefined) return null;
    return (
      <button
        ref={ref}
        type="button"
        data-slot="contact-list-create"
        className={partClassName}
        onClick={composeEventHandlers(onClick, () => onCreateContact())}
        {...props}
      >
        {children ?? (
          <>
            <PlusIcon />
            <span data-slot="contact-list-create-label">{t('contactList.createContact')}</span>
          </>
        )}
      </button>
    );
  },
);

export interface ContactListCountProps extends Omit<ComponentPropsWithoutRef<'p'>, 'children'>, PartOptions {}

/**
 * "1,234 contacts": how many match, once the provider says ("50+ contacts" when it gives no
 * total and more pages remain). A polite live region, so a screen
 * reader hears the count when a search settles; it keeps the previous count while one loads.
 */
export const ContactListCount = forwardRef<HTMLParagraphElement, ContactListCountProps>(function ContactListCount(
  { unstyled, className, ...props },
  ref,
) {
  const { list } = useContactListContext('ContactList.Count');
  const { t } = useMessages();
  let text: string | null = null;
  if (list.status === 'ready' || list.status === 'empty' || list.status === 'no-results') {
    // A provider may leave the total out where counting is costly (a broad search): then what is
    // loaded so far, as a lower bound, rather than no count at all.
    if (list.total !== undefined) text = t('contactList.count', { count: list.total });
    else if (list.hasNextPage) text = t('contactList.count.atLeast', { count: list.contacts.length });
    else text = t('contactList.count', { count: list.contacts.length });
  }
  return (
    <p
      ref={ref}
      role="status"
      data-slot="contact-list-count"
      data-stale={list.isStale ? '' : undefined}
      className={usePartClassName('ContactList.Count', 'reachout-contact-list__count', unstyled, className)}
      {...props}
    >
      {text}
    </p>
  );
});

export interface ContactListEmptyProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

/**
 * Shown instead of the rows when there are none: "No contacts yet" with the create action, or
 * "No contacts match “x”" with Clear search. Renders nothing otherwise. `data-state` is
 * `empty` or `no-results`; children replace the default content.
 */
export const ContactListEmpty = forwardRef<HTMLDivElement, ContactListEmptyProps>(function ContactListEmpty(
  { unstyled, className, children, ...props },
  ref,
) {
  const { list } = useContactListContext('ContactList.Empty');
  const { t } = useMessages();
  const partClassName = usePartClassName('ContactList.Empty', 'reachout-contact-list__empty', unstyled, className);
  const buttonClassName = usePartClassName('ContactList.Empty', 'reachout-contact-list__button', unstyled, undefined);
  if (list.status !== 'empty' && list.status !== 'no-results') return null;
  const isEmptyBook = list.status === 'empty';
  return (
    <div
      ref={ref}
      data-slot="contact-list-empty"
      data-state={list.status}
      data-stale={list.isStale ? '' : undefined}
      className={partClassName}
      {...props}
    >
      {children ?? (
        <>
          <p data-slot="contact-list-empty-title">
            {isEmptyBook ? t('contactList.empty') : t('contactList.noResults', { search: list.query })}
          </p>
          <p data-slot="contact-list-empty-description">
            {isEmptyBook ? t('contactList.empty.description') : t('contactList.noResults.description')}
          </p>
          {isEmptyBook ? (
            <ContactListCreateButton />
          ) : (
            <button type="button" data-slot="contact-list-clear-search" className={buttonClassName} onClick={list.clearSearch}>
              {t('contactList.clearSearch')}
            </button>
          )}
        </>
      )}
    </div>
  );
});

export interface ContactListErrorProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

/**
 * Why the contacts could not be loaded, in plain words for the error's code, with "Retry".
 * Renders nothing without an error. `data-state` is `panel` when no rows loaded (it stands in
 * for the list) and `inline` when it follows the loaded rows (a later page failed).
 */
export const ContactListError = forwardRef<HTMLDivElement, ContactListErrorProps>(function ContactListError(
  { unstyled, className, children, ...props },
  ref,
) {
  const { list } = useContactListContext('ContactList.Error');
  const { t, errorMessage } = useMessages();
  const partClassName = usePartClassName('ContactList.Error', 'reachout-contact-list__error', unstyled, className);
  const buttonClassName = usePartClassName('ContactList.Error', 'reachout-contact-list__button', unstyled, undefined);
  if (list.error === null) return null;
  return (
    <div
      ref={ref}
      role="alert"
      data-slot="contact-list-error"
      data-state={list.status === 'error' ? 'panel' : 'inline'}
      data-code={list.error.code}
      className={partClassName}
      {...props}
    >
      {children ?? (
        <>
          <p data-slot="contact-list-error-title">{t('contactList.error.title')}</p>
          <p data-slot="contact-list-error-message">{errorMessage(list.error)}</p>
          <button
            type="button"
            data-slot="contact-list-retry"
            className={buttonClassName}
            onClick={list.retry}
          >
            {t('common.retry')}
          </button>
        </>
      )}
    </div>
  );
});

export interface ContactListSelectionBarProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

/**
 * With `selectionMode="multiple"`: what is selected ("3 contacts selected", "All 1,234 contacts
 * selected", a polite live region), "Clear selection", and the host's actions for the selection
 * (its children, e.g. "Create campaign"), shown only while something is selected. Renders
 * nothing in `single` mode. `data-state` is `none`, `some` or `all`.
 */
export const ContactListSelectionBar = forwardRef<HTMLDivElement, ContactListSelectionBarProps>(function ContactListSelectionBar(
  { unstyled, className, children, ...props },
  ref,
) {
  const { list } = useContactListContext('ContactList.SelectionBar');
  const { t } = useMessages();
  const partClassName = usePartClassName('ContactList.SelectionBar', 'reachout-contact-list__selection', unstyled, className);
  const buttonClassName = usePartClassName('ContactList.SelectionBar', 'reachout-contact-list__button', unstyled, undefined);
  if (list.selectionMode !== 'multiple') return null;
  const hasSelection = list.selection !== null;
  let summary: string;
  if (!hasSelection) summary = t('contactList.selection.none');
  else if (list.isAllSelected) {
    summary = list.selectedCount === undefined ? t('contactList.selection.allUnknown') : t('contactList.selection.all', { count: list.selectedCount });
  } else summary = t('contactList.selection.count', { count: list.selectedCount ?? 0 });
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={t('contactList.selection.label')}
      data-slot="contact-list-selection"
      data-state={list.isAllSelected ? 'all' : hasSelection ? 'some' : 'none'}
      className={partClassName}
      {...props}
    >
      <p role="status" data-slot="contact-list-selection-count">
        {summary}
      </p>
      {hasSelection && (
        <>
          <button type="button" data-slot="contact-list-clear-selection" className={buttonClassName} onClick={list.clearSelection}>
            {t('contactList.selection.clear')}
          </button>
          {children}
        </>
      )}
    </div>
  );
});
