export { TicketsTab } from './TicketsTab';
export type { TicketsTabProps } from './TicketsTab';
export {
  TicketsTabEmpty,
  TicketsTabError,
  TicketsTabLoadMore,
  TicketsTabRoot,
  TicketsTabTable,
  useTicketsTabContext,
} from './TicketsTabParts';
export type {
  TicketsTabEmptyProps,
  TicketsTabErrorProps,
  TicketsTabLoadMoreProps,
  TicketsTabRootProps,
  TicketsTabTableProps,
  TicketsTabContextValue,
} from './TicketsTabParts';
export { useTicketsTab } from './useTicketsTab';
export type {
  TicketsTabColumn,
  TicketsTabColumnId,
  TicketsTabSorting,
  TicketsTabStatus,
  UseTicketsTabOptions,
  UseTicketsTabResult,
} from './useTicketsTab';
