import { createElement, forwardRef, memo, useContext, useEffect, useReducer } from 'react';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { Contact } from '../../core/types';
import { cn } from '../internal/cn';
import { composeEventHandlers } from '../internal/composeEventHandlers';
import { ContactListInternalsContext, useContactListContext } from './ContactListContext';
import { contactListRowAttributes } from './contactListRowAttributes';
import type { ContactListCellRenderer, ContactListInternals } from './useContactList';

export interface ContactListGridProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * Leaves out Reachout's classes on the grid and its rows; data attributes, inline
   * positioning and behaviour stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
  /**
   * How many skeleton rows to show while the first page loads.
   * @default 8
   */
  skeletonRows?: number;
}

/** One cell's content: a component of its own, so a host's `cell` function may use hooks. */
function ContactListCellContent({ render, contact }: { render: (contact: Contact) => ReactNode; contact: Contact }) {
  return render(contact);
}

interface ContactListRowProps {
  contact: Contact;
  index: number;
  start: number;
  isActive: boolean;
  isSelected: boolean;
  isHighlighted: boolean;
  rowClassName: string | undefined;
  cellClassName: string | undefined;
  cellRenderers: readonly ContactListCellRenderer[];
  measureRow: ContactListInternals['measureRow'];
  /** The checkbox's name in `multiple` mode; `undefined` in `single` mode (no checkbox). */
  checkboxLabel: string | undefined;
  checkboxClassName: string | undefined;
  onRowClick: ContactListInternals['onRowClick'];
  onRowFocus: ContactListInternals['onRowFocus'];
}

/**
 * A contact's row. Memoized on primitives and stable references, so a row that only stays in
 * view while the list scrolls (or while the Root re-renders for a keystroke) does not render.
 * Same attributes as `getRowProps` (both from `contactListRowAttributes`).
 */
const ContactListRow = memo(function ContactListRow({
  contact,
  index,
  start,
  isActive,
  isSelected,
  isHighlighted,
  rowClassName,
  cellClassName,
  cellRenderers,
  measureRow,
  checkboxLabel,
  checkboxClassName,
  onRowClick,
  onRowFocus,
}: ContactListRowProps) {
  const attributes = contactListRowAttributes({ index, start, contactId: contact.id, isActive, isSelected, isHighlighted });
  return (
    // The grid handles the rows' keys (arrows, Enter, Space): see `onKeyDown` on the grid.
    // The role (`row`) comes with the attributes, where the linter cannot see it.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div
      ref={measureRow}
      {...attributes}
      onClick={(event) => onRowClick(contact, event)}
      onFocus={(event) => onRowFocus(contact, event)}
      data-slot="contact-list-row"
      className={rowClassName}
    >
      {checkboxLabel !== undefined && (
        <div role="gridcell" data-slot="contact-list-cell" data-column="selection" className={cellClassName}>
          <ContactListRowCheckbox label={checkboxLabel} checked={isSelected} className={checkboxClassName} />
        </div>
      )}
      {cellRenderers.map((cell) => (
        <div key={cell.id} role="gridcell" data-slot="contact-list-cell" data-column={cell.id} className={cellClassName}>
          {cell.component === undefined
            ? createElement(ContactListCellContent, { render: cell.render, contact })
            : createElement(cell.component, { contact })}
        </div>
      ))}
    </div>
  );
});

/**
 * A row's checkbox: shows the row's state; the row's click toggles it, and it never takes focus
 * (the grid's roving focus stays on the row). Same props as `getRowCheckboxProps`.
 */
function ContactListRowCheckbox({ label, checked, className }: { label: string; checked: boolean; className: string | undefined }) {
  return (
    <input
      type="checkbox"
      checked={checked}
      readOnly
      tabIndex={-1}
      aria-label={label}
      data-slot="contact-list-checkbox"
      className={className}
      onMouseDown={(event) => event.preventDefault()}
    />
  );
}

/** Re-renders the calling component whenever the virtualizer's window moves. */
function useVirtualWindow(subscribe: ContactListInternals['subscribe'] | undefined) {
  const [, rerender] = useReducer((version: number) => version + 1, 0);
  useIsomorphicLayoutEffect(() => {
    if (subscribe === undefined) return;
    return subscribe((sync) => {
      if (sync) flushSync(rerender);
      else rerender();
    });
  }, [subscribe]);
}

/**
 * The `role="grid"` named "Contacts": a header row, then the rows in their own scroll container
 * (only those in view are in the DOM; `aria-rowcount` and `aria-rowindex` tell screen readers
 * where they are in the whole list). Arrow keys, Page Up/Down, Home and End move between rows (End and Page Down load
 * the pages in between, so End reaches the last contact of the whole list);
 * Enter, Space or a click selects. Rendered while loading (skeleton rows, `aria-busy`) and when
 * there are rows; the Empty and Error panels stand in for it otherwise.
 */
export const ContactListGrid = forwardRef<HTMLDivElement, ContactListGridProps>(function ContactListGrid(
  { unstyled, skeletonRows = 8, className, onKeyDown, ...props },
  ref,
) {
  const context = useContactListContext('ContactList.Grid');
  const { list } = context;
  const internals = useContext(ContactListInternalsContext);
  useVirtualWindow(internals?.subscribe);
  const lastRenderedIndex = internals?.virtualizer.range?.endIndex ?? -1;
  const loadMoreIfNeeded = internals?.loadMoreIfNeeded;
  useEffect(() => {
    loadMoreIfNeeded?.(lastRenderedIndex);
  }, [lastRenderedIndex, loadMoreIfNeeded]);
  const styled = !(unstyled ?? context.unstyled);
  const gridClassName = cn(styled && 'reachout-contact-list__grid', className);
  const headerClassName = cn(styled && 'reachout-contact-list__header');
  const headerRowClassName = cn(styled && 'reachout-contact-list__header-row');
  const headerCellClassName = cn(styled && 'reachout-contact-list__header-cell');
  const viewportClassName = cn(styled && 'reachout-contact-list__viewport');
  const bodyClassName = cn(styled && 'reachout-contact-list__body');
  const rowClassName = cn(styled && 'reachout-contact-list__row');
  const cellClassName = cn(styled && 'reachout-contact-list__cell');
  const skeletonClassName = cn(styled && 'reachout-contact-list__skeleton');
  const checkboxClassName = cn(styled && 'reachout-contact-list__checkbox');
  const isMultiple = list.selectionMode === 'multiple';

  if (list.status !== 'loading' && list.status !== 'ready') return null;

  const gridProps = list.getGridProps();
  const columnIds = [...(isMultiple ? ['selection'] : []), ...list.headers.map((header) => header.id)];
  const skeletonCells = columnIds.map((columnId) => (
    <div key={columnId} data-column={columnId} className={cellClassName}>
      <span data-slot="contact-list-skeleton" className={skeletonClassName} />
    </div>
  ));

  return (
    // Focus goes to the rows (a roving tabindex, as the ARIA grid pattern has it), never to the
    // grid itself; the grid only hears their keys.
    // eslint-disable-next-line jsx-a11y/interactive-supports-focus
    <div
      ref={ref}
      {...gridProps}
      role="grid"
      data-slot="contact-list-grid"
      className={gridClassName}
      {...props}
      onKeyDown={composeEventHandlers(onKeyDown, gridProps.onKeyDown)}
    >
      <div role="rowgroup" data-slot="contact-list-header" className={headerClassName}>
        <div role="row" aria-rowindex={1} className={headerRowClassName}>
          {isMultiple && (
            <div role="columnheader" data-column="selection" className={headerCellClassName}>
              <input {...list.getSelectAllProps()} data-slot="contact-list-select-all" className={checkboxClassName} />
            </div>
          )}
          {list.headers.map((header) => (
            <div key={header.id} role="columnheader" data-column={header.id} className={headerCellClassName}>
              {header.content}
            </div>
          ))}
        </div>
      </div>
      <div {...list.getViewportProps()} data-slot="contact-list-viewport" className={viewportClassName}>
        {list.status === 'loading' ? (
          <div data-slot="contact-list-skeleton-rows" aria-hidden="true">
            {Array.from({ length: skeletonRows }, (_, index) => (
              <div key={index} data-state="loading" className={rowClassName}>
                {skeletonCells}
              </div>
            ))}
          </div>
        ) : (
          <div {...list.getBodyProps()} data-slot="contact-list-body" className={bodyClassName}>
            {list.virtualRows.map((row) =>
              // The Root always provides its internals: without them (never) a row stays a placeholder.
              row.contact === null || internals === null ? (
                <div key={row.key} {...list.getRowProps(row)} data-slot="contact-list-row" className={rowClassName}>
                  {skeletonCells}
                </div>
              ) : (
                <ContactListRow
                  key={row.key}
                  contact={row.contact}
                  index={row.index}
                  start={row.start}
                  isActive={row.index === list.activeIndex}
                  isSelected={list.isSelected(row.contact.id)}
                  isHighlighted={row.contact.id === list.highlightedContactId}
                  rowClassName={rowClassName}
                  cellClassName={cellClassName}
                  cellRenderers={internals.cellRenderers}
                  measureRow={internals.measureRow}
                  checkboxLabel={isMultiple ? internals.rowCheckboxLabel(row.contact) : undefined}
                  checkboxClassName={checkboxClassName}
                  onRowClick={internals.onRowClick}
                  onRowFocus={internals.onRowFocus}
                />
              ),
            )}
          </div>
        )}
      </div>
    </div>
  );
});
