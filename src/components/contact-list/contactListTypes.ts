import type { ComponentType, FocusEvent, HTMLAttributes, InputHTMLAttributes, MouseEvent, ReactNode, RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { ReachoutError } from '../../core/errors';
import type { Contact } from '../../core/types';
import type { ContactListColumn } from './columns';

/**
 * Who is selected in a multiple-selection list, as a campaign audience: the contacts picked one
 * by one (`{ contactIds }`), or everyone the search matches (`{ search }`, after "Select all":
 * the whole result, not only the loaded pages; `''` is the whole book).
 */
// Declared here until core's `CampaignAudience` lands (same shape); then an alias of it.
export type ContactListSelection = { contactIds: string[] } | { search: string };

/** `single`: a click or Enter picks one contact. `multiple`: a checkbox column, "Select all". */
export type ContactListSelectionMode = 'single' | 'multiple';

/**
 * What the list shows: skeleton rows while the first page loads, the rows, or a panel when
 * there are none (an empty book, a search that found nobody, a failure).
 */
export type ContactListStatus = 'loading' | 'ready' | 'empty' | 'no-results' | 'error';

export interface UseContactListOptions {
  /**
   * The text in the search box, when the host controls it (with `onSearchChange`). Requests
   * follow it after `searchDebounceMs` of quiet.
   * @default undefined (the list keeps its own search, starting at `defaultSearch`)
   */
  search?: string;
  /**
   * The search to start with, when the host does not control `search`.
   * @default ''
   */
  defaultSearch?: string;
  /** Called with the text of the search box as the user types or clears it. */
  onSearchChange?: (search: string) => void;
  /**
   * How long typing must pause before the search is sent, in milliseconds.
   * @default 250
   */
  searchDebounceMs?: number;
  /**
   * Contacts per request.
   * @default 50
   */
  pageSize?: number;
  /**
   * Which columns, in which order: built-in ids (`'name'`, `'phone'`, `'email'`, `'createdAt'`)
   * and custom columns (`{ id, header, cell: (contact) => ... }`).
   * @default ['name', 'phone', 'email', 'createdAt']
   */
  columns?: readonly ContactListColumn[];
  /**
   * The selected contact's id, when the host controls it (update it from `onSelectedContactIdChange`);
   * `null` for none.
   * @default undefined (the list keeps its own selection, starting at `defaultSelectedContactId`)
   */
  selectedContactId?: string | null;
  /**
   * The contact selected at first, when the host does not control `selectedContactId`.
   * @default null
   */
  defaultSelectedContactId?: string | null;
  /**
   * Called with the new id when the selection changes (the Radix-style partner of
   * `selectedContactId`); not called when the user picks the contact already selected.
   */
  onSelectedContactIdChange?: (contactId: string | null) => void;
  /**
   * Called with the whole contact every time the user picks one: a click, or Enter (or Space)
   * on the active row, also when it is already selected (e.g. to open it again).
   */
  onSelect?: (contact: Contact) => void;
  /**
   * `single` (the default): a click, Enter or Space picks one contact (`onSelect`,
   * `selectedContactId`). `multiple`: a checkbox column; a click or Space toggles a row,
   * Shift-click (or Shift with the arrows or Space) selects the range from the last toggled row,
   * Ctrl/Cmd+A or "Select all" selects everyone the current search matches, Escape clears, and
   * Enter still calls `onSelect` (to open the contact). The selection is reported through
   * `onSelectionChange`.
   * @default 'single'
   */
  selectionMode?: ContactListSelectionMode;
  /**
   * With `selectionMode="multiple"`: who is selected, when the host controls it (update it from
   * `onSelectionChange`); `null` for nobody.
   * @default undefined (the list keeps its own selection, starting at `defaultSelection`)
   */
  selection?: ContactListSelection | null;
  /**
   * With `selectionMode="multiple"`: the selection at first, when the host does not control it.
   * @default null
   */
  defaultSelection?: ContactListSelection | null;
  /**
   * With `selectionMode="multiple"`: called with the new selection, `{ contactIds }` for rows
   * picked, `{ search }` after "Select all", `null` when nothing is selected. A "Select all"
   * belongs to its search: a new search clears it (rows picked one by one stay picked).
   * Unticking one row of a "Select all" keeps the other loaded rows, as `{ contactIds }`.
   */
  onSelectionChange?: (selection: ContactListSelection | null) => void;
  /**
   * A contact to draw the eye to, e.g. one just created: its row is scrolled into view once
   * loaded and marked `data-highlighted`.
   * @default null
   */
  highlightedContactId?: string | null;
  /**
   * Measure every row as it mounts, for rows whose heights differ (custom columns whose
   * content wraps, for instance). Left off, rows are taken to share one height: the list
   * measures the first row it renders (so a larger font or a host's
   * `--reachout-contact-list-row-height` is honoured) and positions every row from it, which
   * spares a forced layout and a `ResizeObserver` per row on every mount, scroll and keystroke.
   * @default false
   */
  measureRows?: boolean;
}

/** A column header, ready to render. */
export interface ContactListHeader {
  /** The column's id. */
  id: string;
  /** The header's content. */
  content: ReactNode;
}

/** One cell of a row, ready to render. */
export interface ContactListCell {
  /** Unique in the list: the contact's id and the column's. */
  id: string;
  /** The column's id. */
  columnId: string;
  /** The cell's content. */
  content: ReactNode;
}

/** A row the virtualizer wants in the DOM now. */
export interface ContactListVirtualRow {
  /** A stable React key. */
  key: string;
  /** The contact's position in the loaded list. */
  index: number;
  /** Its offset from the top of the list, in pixels. */
  start: number;
  /** The contact; `null` for the placeholder row at the end while more pages exist. */
  contact: Contact | null;
}

/** `data-*` attributes a prop getter adds. */
export type ContactListDataAttributes = { [attribute: `data-${string}`]: string | undefined };

type DivProps = HTMLAttributes<HTMLDivElement> & ContactListDataAttributes;

/** Props for the row element, from `getRowProps`. */
export type ContactListRowProps = DivProps & { ref: (element: HTMLDivElement | null) => void };

export interface UseContactListResult {
  /** The text in the search box. */
  search: string;
  /** Changes the search box's text (the request follows after the debounce). */
  setSearch: (search: string) => void;
  /** Empties the search box; the full list comes back without waiting for the debounce. */
  clearSearch: () => void;
  /** The search the rows answer: the box's text, trimmed, once typing has paused. */
  query: string;
  /** What to show. */
  status: ContactListStatus;
  /** Every loaded contact, in the provider's order. */
  contacts: readonly Contact[];
  /** How many contacts match, when the provider says. */
  total: number | undefined;
  /** Why loading failed; `null` when it did not. */
  error: ReachoutError | null;
  /**
   * The rows belong to an earlier search while the new one is typed or loads: show them
   * dimmed, never as the answer.
   */
  isStale: boolean;
  /** The next page is on its way. */
  isFetchingNextPage: boolean;
  /** More contacts can be loaded by scrolling on. */
  hasNextPage: boolean;
  /** Tries again after a failure: the next page when some rows loaded, else the whole list. */
  retry: () => void;
  /** The column headers, in order. */
  headers: readonly ContactListHeader[];
  /** The cells of the contact at `index`. */
  getCells: (index: number) => ContactListCell[];
  /**
   * The rows to render now (a window of the list, plus the active row), read when asked. Inside
   * `ContactList.Root` scrolling re-renders only `ContactList.Grid`, not every reader of the
   * context; a layout of your own that renders rows should call `useContactList` itself.
   */
  readonly virtualRows: readonly ContactListVirtualRow[];
  /** The index of the row that has (or would take) keyboard focus; -1 when there are no rows. */
  activeIndex: number;
  /** Makes the row at `index` active, scrolls it into view and focuses it. */
  focusRow: (index: number) => void;
  /** The selected contact's id, or `null`. */
  selectedContactId: string | null;
  /** `single` or `multiple` (see the option). */
  selectionMode: ContactListSelectionMode;
  /** In `multiple` mode, who is selected (`null` for nobody); always `null` in `single` mode. */
  selection: ContactListSelection | null;
  /** Whether the selection is "everyone the current search matches". */
  isAllSelected: boolean;
  /**
   * How many contacts are selected: the ids picked, or the search's total after "Select all"
   * (`undefined` while the provider has not said); 0 in `single` mode.
   */
  selectedCount: number | undefined;
  /** Whether the row of `contactId` is shown selected (either mode). */
  isSelected: (contactId: string) => boolean;
  /**
   * In `multiple` mode: ticks or unticks a contact; with `range`, selects every loaded row from
   * the last one toggled to this one.
   */
  toggleSelection: (contact: Contact, options?: { range?: boolean }) => void;
  /** In `multiple` mode: selects everyone the current search matches (`{ search }`). */
  selectAll: () => void;
  /** Selects nobody. */
  clearSelection: () => void;
  /** Props for the "Select all" checkbox (ticked after "Select all", mixed with some rows picked). */
  getSelectAllProps: () => InputHTMLAttributes<HTMLInputElement> & ContactListDataAttributes & { ref: (element: HTMLInputElement | null) => void };
  /** Props for a row's checkbox (named "Select Ana Lima"); the row's click toggles it. */
  getRowCheckboxProps: (contact: Contact) => InputHTMLAttributes<HTMLInputElement> & ContactListDataAttributes;
  /** The highlighted contact's id (`highlightedContactId`), or `null`. */
  highlightedContactId: string | null;
  /** Selects a contact (and calls `onSelect`). */
  select: (contact: Contact) => void;
  /** The grid element's id (the search box controls it). */
  gridId: string;
  /** Props for the `<input type="search">`. */
  getSearchProps: () => InputHTMLAttributes<HTMLInputElement> & ContactListDataAttributes;
  /** Props for the `role="grid"` element around the header and the scrolling rows. */
  getGridProps: () => DivProps;
  /** Props for the scroll container of the rows (it needs a bounded height). */
  getViewportProps: () => DivProps & { ref: RefObject<HTMLDivElement | null> };
  /** Props for the row group inside the viewport, as tall as every row together. */
  getBodyProps: () => DivProps;
  /** Props for a row (or for the placeholder row while more pages exist). */
  getRowProps: (row: ContactListVirtualRow) => ContactListRowProps;
}


/** A cell renderer for the Grid's rows, stable while the `columns` option is. */
export interface ContactListCellRenderer {
  id: string;
  render: (contact: Contact) => ReactNode;
  component: ComponentType<{ contact: Contact }> | undefined;
}

/** What `ContactList.Grid` needs from the Root beyond the public result: not exported. */
export interface ContactListInternals {
  /** Calls back when the virtualizer's window moves; returns the unsubscribe. */
  subscribe: (listener: (sync: boolean) => void) => () => void;
  /** The rows' ref: measures each row, or only the first (see `measureRows`). */
  measureRow: (element: HTMLDivElement | null) => void;
  /** The virtualizer, for its range and its stable `measureElement`. */
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>;
  /** The columns' renderers, stable while the `columns` option is. */
  cellRenderers: readonly ContactListCellRenderer[];
  /** Stable row handlers (they read the latest state through refs). */
  onRowClick: (contact: Contact, event: MouseEvent<HTMLDivElement>) => void;
  onRowFocus: (contact: Contact, event: FocusEvent<HTMLDivElement>) => void;
  /** The row checkbox's accessible name for a contact ("Select Ana Lima"), stable while the locale is. */
  rowCheckboxLabel: (contact: Contact) => string;
  /** Fetches the next page when the rendered range reaches `lastRenderedIndex`. */
  loadMoreIfNeeded: (lastRenderedIndex: number) => void;
}
