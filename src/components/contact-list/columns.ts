import { createElement } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { tableFeatures } from '@tanstack/react-table';
import type { CellContext, ColumnDef, HeaderContext } from '@tanstack/react-table';
import type { Contact } from '../../core/types';
import type { WidgetMessageKey } from './messages';

/**
 * The columns Reachout draws itself: `name` (avatar and name), `phone` (formatted for people),
 * `email` and `createdAt` (the date the contact was created, in the provider's locale).
 */
export type ContactListBuiltInColumnId = 'name' | 'phone' | 'email' | 'createdAt';

/** A column of the host's own, e.g. a contact attribute. */
export interface ContactListCustomColumn {
  /**
   * Unique among the list's columns. Cells carry it as `data-column`, for host styles
   * (width, alignment, hiding at narrow widths).
   */
  id: string;
  /** The column header; screen readers announce it with each cell, so it must not be empty. */
  header: ReactNode;
  /** The cell's content for one contact. */
  cell: (contact: Contact) => ReactNode;
}

/** A built-in column by id, or a custom one. */
export type ContactListColumn = ContactListBuiltInColumnId | ContactListCustomColumn;

/** The columns, in order, when the host passes none. */
export const defaultContactListColumns: readonly ContactListColumn[] = ['name', 'phone', 'email', 'createdAt'];

/** What each TanStack column carries for our renderers. */
export interface ContactListColumnMeta {
  header: ReactNode;
  render: (contact: Contact) => ReactNode;
  /** A built-in column's cell as a component: rows mount it directly, one layer fewer per cell. */
  component?: ComponentType<{ contact: Contact }>;
}

export const contactListTableFeatures = tableFeatures({ columnMeta: {} as ContactListColumnMeta });
export type ContactListTableFeatures = typeof contactListTableFeatures;

const builtInHeaders: Record<ContactListBuiltInColumnId, WidgetMessageKey> = {
  name: 'contactList.column.name',
  phone: 'contactList.column.phone',
  email: 'contactList.column.email',
  createdAt: 'contactList.column.createdAt',
};

// Module-level components: TanStack renders a function template as a component, so a new
// function per render would remount every cell (and lose an avatar's loaded image).
function CellRenderer(context: CellContext<ContactListTableFeatures, Contact, unknown>): ReactNode {
  return context.column.columnDef.meta?.render(context.row.original) ?? null;
}

function HeaderRenderer(context: HeaderContext<ContactListTableFeatures, Contact, unknown>): ReactNode {
  return context.column.columnDef.meta?.header ?? null;
}

/**
 * Our column list as TanStack column definitions; `cells` draws the built-in columns (the
 * caller chooses them, so this file and the headless hook depend on no part).
 */
export function toTableColumns(
  columns: readonly ContactListColumn[],
  t: (key: WidgetMessageKey) => string,
  cells: Record<ContactListBuiltInColumnId, ComponentType<{ contact: Contact }>>,
): ColumnDef<ContactListTableFeatures, Contact, unknown>[] {
  const seen = new Set<string>();
  return columns.map((column) => {
    const id = typeof column === 'string' ? column : column.id;
    if (seen.has(id)) throw new Error(`ContactList: two columns have the id "${id}"; column ids must be unique.`);
    seen.add(id);
    const meta: ContactListColumnMeta =
      typeof column === 'string'
        ? {
            header: t(builtInHeaders[column]),
            render: (contact) => createElement(cells[column], { contact }),
            component: cells[column],
          }
        : { header: column.header, render: column.cell };
    return { id, header: HeaderRenderer, cell: CellRenderer, meta };
  });
}
