export { ContactTimeline } from './ContactTimeline';
export type { ContactTimelineProps } from './ContactTimeline';
export {
  ContactTimelineEmpty,
  ContactTimelineError,
  ContactTimelineList,
  ContactTimelineLoadMore,
  ContactTimelineRoot,
  useContactTimelineContext,
} from './ContactTimelineParts';
export type {
  ContactTimelineContextValue,
  ContactTimelineEmptyProps,
  ContactTimelineErrorProps,
  ContactTimelineListProps,
  ContactTimelineLoadMoreProps,
  ContactTimelineRootProps,
} from './ContactTimelineParts';
export { useContactTimeline } from './useContactTimeline';
export type { ContactTimelineStatus, UseContactTimelineOptions, UseContactTimelineResult } from './useContactTimeline';
