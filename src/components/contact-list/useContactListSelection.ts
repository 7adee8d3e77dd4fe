import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { Contact } from '../../core/types';
import { useControllableState } from '../internal/useControllableState';
import type { Translate } from './messages';
import type { ContactListSelection, ContactListStatus, UseContactListOptions, UseContactListResult } from './contactListTypes';

interface ContactListSelectionInput {
  options: Pick<UseContactListOptions, 'selectionMode' | 'selection' | 'defaultSelection' | 'onSelectionChange'>;
  /** The settled search: a "Select all" is made on it. */
  query: string;
  total: number | undefined;
  contacts: Contact[];
  indexById: ReadonlyMap<string, number>;
  t: Translate;
}

/** What the multiple selection gives the list: its part of the result, and what the keyboard and rows need. */
export interface ContactListSelectionState
  extends Pick<
    UseContactListResult,
    'selection' | 'isAllSelected' | 'selectedCount' | 'toggleSelection' | 'selectAll' | 'clearSelection'
  > {
  isMultiple: boolean;
  /** Whether a contact is in the audience (never, with single selection). */
  isPicked: (contactId: string) => boolean;
  rowCheckboxLabel: (contact: Contact) => string;
  /**
   * react-aria's grid selection keys on the row at `index`; whether the key was one. `focusRow`
   * moves the roving focus for Shift+arrows.
   */
  onSelectionKey: (event: KeyboardEvent<HTMLElement>, index: number, focusRow: (index: number) => void) => boolean;
  getSelectAllProps: (status: ContactListStatus) => ReturnType<UseContactListResult['getSelectAllProps']>;
  getRowCheckboxProps: (contact: Contact, isSelected: boolean) => ReturnType<UseContactListResult['getRowCheckboxProps']>;
}

/**
 * The list's multiple selection (an audience: ids picked, or everyone the search matches):
 * toggles, Shift ranges from the last toggled row, "Select all" as `{ search }`, the keys, and
 * the checkboxes' props. Inert unless `selectionMode` is `'multiple'`.
 */
export function useContactListSelection({ options, query, total, contacts, indexById, t }: ContactListSelectionInput): ContactListSelectionState {
  const isMultiple = options.selectionMode === 'multiple';
  const [ownSelection, setSelection] = useControllableState<ContactListSelection | null>({
    value: options.selection,
    defaultValue: options.defaultSelection ?? null,
    onChange: options.onSelectionChange,
  });
  const selection = isMultiple ? ownSelection : null;
  const pickedIds = useMemo(
    () => (selection !== null && 'contactIds' in selection ? new Set(selection.contactIds) : null),
    [selection],
  );
  const isAllSelected = selection !== null && 'search' in selection && selection.search === query;
  let selectedCount: number | undefined = 0;
  if (pickedIds !== null) selectedCount = pickedIds.size;
  else if (selection !== null) selectedCount = isAllSelected ? total : undefined;
  // The row a plain toggle last touched: Shift-click and Shift+arrows select from it.
  const selectionAnchorRef = useRef<string | null>(null);
  const toggleSelection = useCallback(
    (contact: Contact, { range = false }: { range?: boolean } = {}) => {
      if (!isMultiple) return;
      const anchorIndex = selectionAnchorRef.current === null ? undefined : indexById.get(selectionAnchorRef.current);
      const index = indexById.get(contact.id);
      if (range && anchorIndex !== undefined && index !== undefined) {
        // Everyone is already in a "Select all": a range adds nobody.
        if (isAllSelected) return;
        const ids = new Set(pickedIds);
        const [from, to] = anchorIndex <= index ? [anchorIndex, index] : [index, anchorIndex];
        for (const picked of contacts.slice(from, to + 1)) ids.add(picked.id);
        setSelection({ contactIds: [...ids] });
        return;
      }
      selectionAnchorRef.current = contact.id;
      if (isAllSelected) {
        // An audience cannot say "all but one": the rows the user can see, minus this one.
        const rest = contacts.filter((loaded) => loaded.id !== contact.id).map((loaded) => loaded.id);
        setSelection(rest.length === 0 ? null : { contactIds: rest });
        return;
      }
      const ids = new Set(pickedIds);
      if (ids.has(contact.id)) ids.delete(contact.id);
      else ids.add(contact.id);
      setSelection(ids.size === 0 ? null : { contactIds: [...ids] });
    },
    [isMultiple, indexById, isAllSelected, pickedIds, contacts, setSelection],
  );
  const selectAll = useCallback(() => {
    if (isMultiple) setSelection({ search: query });
  }, [isMultiple, query, setSelection]);
  const clearSelection = useCallback(() => {
    selectionAnchorRef.current = null;
    setSelection(null);
  }, [setSelection]);
  // A "Select all" belongs to the search it was made on.
  const selectionQueryRef = useRef(query);
  useEffect(() => {
    if (selectionQueryRef.current === query) return;
    selectionQueryRef.current = query;
    if (selection !== null && 'search' in selection && selection.search !== query) setSelection(null);
  }, [query, selection, setSelection]);
  const isPicked = (contactId: string) => isMultiple && (isAllSelected || (pickedIds?.has(contactId) ?? false));
  const rowCheckboxLabel = useCallback((contact: Contact) => t('contactList.selection.selectRow', { name: contact.name }), [t]);

  const onSelectionKey: ContactListSelectionState['onSelectionKey'] = (event, index, focusRow) =>
    handleSelectionKey(event, index, focusRow, { contacts, indexById, selection, selectionAnchorRef, toggleSelection, selectAll, clearSelection });

  return {
    isMultiple,
    selection,
    isAllSelected,
    selectedCount,
    toggleSelection,
    selectAll,
    clearSelection,
    isPicked,
    rowCheckboxLabel,
    onSelectionKey,
    ...useSelectionPropGetters({ t, selection, isAllSelected, selectAll, clearSelection, rowCheckboxLabel }),
  };
}

/** react-aria's grid selection keys on the row at `index`; whether the key was one. */
function handleSelectionKey(
  event: KeyboardEvent<HTMLElement>,
  index: number,
  focusRow: (index: number) => void,
  {
    contacts,
    indexById,
    selection,
    selectionAnchorRef,
    toggleSelection,
    selectAll,
    clearSelection,
  }: Pick<ContactListSelectionInput, 'contacts' | 'indexById'> &
    Pick<ContactListSelectionState, 'selection' | 'toggleSelection' | 'selectAll' | 'clearSelection'> & { selectionAnchorRef: RefObject<string | null> },
): boolean {
  const contact = contacts[index];
  if (contact === undefined) return false;
  if (event.key === 'a' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
    selectAll();
    return true;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === ' ') {
    toggleSelection(contact, { range: event.shiftKey });
    return true;
  }
  if (event.key === 'Escape' && selection !== null) {
    clearSelection();
    return true;
  }
  if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    const next = contacts[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next === undefined) return true;
    // The row left behind anchors the range when nothing loaded does yet.
    if (selectionAnchorRef.current === null || !indexById.has(selectionAnchorRef.current)) {
      selectionAnchorRef.current = contact.id;
    }
    toggleSelection(next, { range: true });
    focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
    return true;
  }
  return false;
}

/** The "Select all" checkbox and the rows' checkboxes (named as a hook: React's compiler then lets it take callbacks that touch refs). */
function useSelectionPropGetters({
  t,
  selection,
  isAllSelected,
  selectAll,
  clearSelection,
  rowCheckboxLabel,
}: Pick<ContactListSelectionInput, 't'> &
  Pick<ContactListSelectionState, 'selection' | 'isAllSelected' | 'selectAll' | 'clearSelection' | 'rowCheckboxLabel'>): Pick<
  ContactListSelectionState,
  'getSelectAllProps' | 'getRowCheckboxProps'
> {
  return {
    getSelectAllProps: (status) => ({
      type: 'checkbox',
      checked: isAllSelected,
      // Ticked: clears. Empty or mixed: everyone the search matches (react-aria's select-all).
      onChange: () => (isAllSelected ? clearSelection() : selectAll()),
      'aria-label': t('contactList.selection.selectAll'),
      // Mixed while some rows are picked, as react-aria's select-all checkbox.
      ref: (element: HTMLInputElement | null) => {
        if (element !== null) element.indeterminate = selection !== null && !isAllSelected;
      },
      disabled: status !== 'ready',
      'data-state': isAllSelected ? 'checked' : selection === null ? 'unchecked' : 'indeterminate',
    }),
    getRowCheckboxProps: (contact, isSelected) => ({
      type: 'checkbox',
      checked: isSelected,
      readOnly: true,
      tabIndex: -1,
      'aria-label': rowCheckboxLabel(contact),
      'data-slot': 'contact-list-checkbox',
      // Focus stays on the row (the grid's roving focus); the row's click toggles.
      onMouseDown: (event) => event.preventDefault(),
    }),
  };
}
