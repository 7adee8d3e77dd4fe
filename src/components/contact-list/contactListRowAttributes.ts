import type { CSSProperties } from 'react';

/** Where a row is and how it stands; everything its attributes depend on. */
export interface ContactListRowState {
  /** The contact's position in the loaded list. */
  index: number;
  /** Its offset from the top of the list, in pixels. */
  start: number;
  /** The contact's id; `null` for the placeholder row at the end while more pages exist. */
  contactId: string | null;
  isActive: boolean;
  isSelected: boolean;
  isHighlighted: boolean;
}

/** Attributes (no handlers, no ref) of a row; `getRowProps` and the Grid's memoized rows both use these. */
export function contactListRowAttributes(row: ContactListRowState) {
  const style: CSSProperties = {
    position: 'absolute',
    insetBlockStart: 0,
    insetInlineStart: 0,
    inlineSize: '100%',
    transform: `translateY(${row.start}px)`,
  };
  const common = { style, 'data-index': String(row.index) };
  if (row.contactId === null) return { ...common, 'aria-hidden': true, 'data-state': 'loading' } as const;
  return {
    ...common,
    role: 'row',
    // Row 1 is the header row.
    'aria-rowindex': row.index + 2,
    'aria-selected': row.isSelected,
    tabIndex: row.isActive ? 0 : -1,
    'data-state': row.isSelected ? 'selected' : 'unselected',
    'data-active': row.isActive ? '' : undefined,
    'data-highlighted': row.isHighlighted ? '' : undefined,
    'data-contact-id': row.contactId,
  } as const;
}
