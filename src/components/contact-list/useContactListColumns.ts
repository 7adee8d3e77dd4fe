import { createElement, useCallback, useMemo } from 'react';
import { FlexRender, useTable } from '@tanstack/react-table';
import type { Contact } from '../../core/types';
import { contactListTableFeatures, defaultContactListColumns, toTableColumns } from './columns';
import type { ContactListTableFeatures } from './columns';
import type { ContactListBuiltInCells } from './contactListPlainCells';
import type { ContactListCell, ContactListCellRenderer, ContactListHeader, UseContactListOptions } from './contactListTypes';
import type { Translate } from './messages';

const ContactListFlexRender = FlexRender<ContactListTableFeatures, Contact>;

/**
 * The list's columns on TanStack Table: the headers, each row's cells for the hook's own
 * markup, and the cell renderers the Root's memoized rows call directly.
 */
export function useContactListColumns(
  columns: UseContactListOptions['columns'],
  contacts: Contact[],
  t: Translate,
  cells: ContactListBuiltInCells,
) {
  const columnList = columns ?? defaultContactListColumns;
  const tableColumns = useMemo(() => toTableColumns(columnList, t, cells), [columnList, t, cells]);
  const table = useTable({
    features: contactListTableFeatures,
    columns: tableColumns,
    // The hook hands out a new array only when pages change; the table caches its rows on it.
    data: contacts,
    getRowId: (contact) => contact.id,
  });
  const headers: ContactListHeader[] = (table.getHeaderGroups()[0]?.headers ?? []).map((header) => ({
    id: header.column.id,
    content: createElement(ContactListFlexRender, { header }),
  }));
  const getCells = useCallback(
    (index: number): ContactListCell[] => {
      const row = table.getRowModel().rows[index];
      if (row === undefined) return [];
      return row.getAllCells().map((cell) => ({
        id: cell.id,
        columnId: cell.column.id,
        content: createElement(ContactListFlexRender, { cell }),
      }));
    },
    [table],
  );
  const cellRenderers = useMemo(
    () =>
      tableColumns.map((column): ContactListCellRenderer => ({
        id: column.id ?? '',
        render: column.meta?.render ?? (() => null),
        component: column.meta?.component,
      })),
    [tableColumns],
  );
  return { headers, getCells, cellRenderers };
}
