import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ForwardRefExoticComponent, RefAttributes } from 'react';
import type { TimelineEvent, TimelineEventType } from '../../core/types';
import { useMessages } from './messages';
import type { WidgetMessageKey } from './messages';
import { cn } from '../internal/cn';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { createPagedListEmpty, createPagedListError, createPagedListLoadMore } from '../internal/pagedListParts';
import type { PagedListPartOptions, PagedListPartsSpec } from '../internal/pagedListParts';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { useContactTimeline } from './useContactTimeline';
import type { UseContactTimelineOptions, UseContactTimelineResult } from './useContactTimeline';

export interface ContactTimelineContextValue {
  /** Everything `useContactTimeline` returns. */
  timeline: UseContactTimelineResult;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
const contactTimelineWidgetContext = createWidgetContext<ContactTimelineContextValue>('ContactTimeline');
const useWidgetContext: WidgetContext<ContactTimelineContextValue>['useWidgetContext'] = (part) => contactTimelineWidgetContext.useWidgetContext(part);
const usePartClassName: WidgetContext<ContactTimelineContextValue>['usePartClassName'] = (...args) => contactTimelineWidgetContext.usePartClassName(...args);

/**
 * The enclosing `ContactTimeline.Root`'s state, for parts and for the host's own ones.
 *
 * @example
 * const { timeline } = useContactTimelineContext();
 * return <p>{timeline.events.length} events</p>;
 */
export const useContactTimelineContext: (part?: string) => ContactTimelineContextValue = useWidgetContext;

type PartOptions = PagedListPartOptions;

function usePart(part: string, partClass: string, unstyled: boolean | undefined, className: string | undefined) {
  return { ...useContactTimelineContext(part), className: usePartClassName(part, partClass, unstyled, className) };
}

export interface ContactTimelineRootProps extends UseContactTimelineOptions, ComponentPropsWithoutRef<'div'> {
  /**
   * Leaves out Reachout's classes on every part; behaviour and data attributes stay.
   * @default false
   */
  unstyled?: boolean;
}

/** Loads the contact's timeline and shares it with the parts inside. */
export const ContactTimelineRoot = forwardRef<HTMLDivElement, ContactTimelineRootProps>(function ContactTimelineRoot(
  { contactId, pageSize, unstyled = false, className, ...props },
  ref,
) {
  const timeline = useContactTimeline({ contactId, pageSize });
  return (
    <contactTimelineWidgetContext.Provider value={{ timeline, unstyled }}>
      <div
        ref={ref}
        data-slot="contact-timeline"
        data-state={timeline.status}
        className={cn(!unstyled && 'reachout-contact-timeline', className)}
        {...props}
      />
    </contactTimelineWidgetContext.Provider>
  );
});

// One path per event type keeps the icons to a few bytes each.
const iconPaths: Record<TimelineEventType, string> = {
  'contact.created': 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  'notification.sent': 'M22 2 11 13M22 2l-7 20-4-9-9-4z',
  'notification.verified': 'M20 6 9 17l-5-5',
  'notification.failed': 'M12 8v5M12 16.5v.5M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  'notification.delivered': 'M2 12.5 7 17.5 17 7.5M12 17.5l10-10',
  'notification.read': 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  'customer.replied': 'M21 12a8 8 0 0 1-11.6 7.1L3 21l1.9-6.4A8 8 0 1 1 21 12z',
  'ticket.assigned': 'M16 21v-2a4 4 0 0 0-8 0v2M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM19 8v6M22 11h-6',
  'ticket.resolved': 'M22 11.1V12a10 10 0 1 1-5.9-9.1M22 4 12 14l-3-3',
};

function EventIcon({ type }: { type: TimelineEventType }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={iconPaths[type]} />
    </svg>
  );
}

// Words that add nothing to a title: "Notification read" says no more than "Read".
const fillerWords = new Set(['a', 'an', 'the', 'was', 'is', 'notification', 'message']);

/** Whether the provider's text only restates the event's title ("Contact created" under "Contact created"). */
function restatesTitle(text: string, title: string): boolean {
  const words = (value: string) => value.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const titleWords = new Set(words(title));
  const textWords = words(text);
  return textWords.length > 0 && textWords.every((word) => titleWords.has(word) || fillerWords.has(word));
}

function ContactTimelineItem({ event }: { event: TimelineEvent }) {
  const { t, formatDate, formatRelativeTime } = useMessages();
  const title = t(`timeline.type.${event.type}`);
  return (
    <li data-slot="contact-timeline-event" data-type={event.type} data-event-id={event.id}>
      <span data-slot="contact-timeline-icon">
        <EventIcon type={event.type} />
      </span>
      <span data-slot="contact-timeline-body">
        <span data-slot="contact-timeline-title">{title}</span>
        {/* `<bdi>`, not `dir="auto"` on the block: the text keeps its own order, the line the page's alignment. */}
        {!restatesTitle(event.text, title) && (
          <span data-slot="contact-timeline-text">
            <bdi>{event.text}</bdi>
          </span>
        )}
      </span>
      {/* `dir="auto"`: "9 months ago" keeps its word order inside a right-to-left page. */}
      <time data-slot="contact-timeline-time" dateTime={event.at} title={formatDate(event.at)} dir="auto">
        {formatRelativeTime(event.at)}
      </time>
    </li>
  );
}

export interface ContactTimelineListProps extends Omit<ComponentPropsWithoutRef<'ol'>, 'children'>, PartOptions {}

/**
 * The events, newest first, as an ordered list named "Timeline": an icon, what happened, the
 * provider's text and a relative time (the exact one in `title` and `dateTime`). New events
 * appear at the top and are announced politely.
 */
export const ContactTimelineList = forwardRef<HTMLOListElement, ContactTimelineListProps>(function ContactTimelineList(
  { unstyled, className, ...props },
  ref,
) {
  const {
    timeline,
    unstyled: rootUnstyled,
    className: partClassName,
  } = usePart('ContactTimeline.List', 'reachout-contact-timeline__list', unstyled, className);
  const { t } = useMessages();
  const live = timeline.latestLiveEvent;
  return (
    <>
      {/* Always in the DOM, so the first live event is announced too. */}
      <VisuallyHidden role="status" data-slot="contact-timeline-announcer">
        {live && `${t(`timeline.type.${live.type}`)}: ${live.text}`}
      </VisuallyHidden>
      {timeline.status === 'loading' && (
        <p data-slot="contact-timeline-loading" aria-busy="true" className={cn(!(unstyled ?? rootUnstyled) && 'reachout-contact-timeline__note')}>
          {t('common.loading')}
        </p>
      )}
      {timeline.status === 'ready' && (
        <ol
          ref={ref}
          aria-label={t('timeline.label')}
          aria-busy={timeline.isFetchingNextPage ? true : undefined}
          data-slot="contact-timeline-list"
          className={partClassName}
          {...props}
        >
          {timeline.events.map((event) => (
            <ContactTimelineItem key={event.id} event={event} />
          ))}
        </ol>
      )}
    </>
  );
});

const pagedList: PagedListPartsSpec<WidgetMessageKey> = {
  widget: 'ContactTimeline',
  slot: 'contact-timeline',
  emptyClass: 'note',
  emptyMessage: 'timeline.empty',
  errorTitle: 'timeline.error.title',
  useMessages,
  useRoot: (part) => {
    const { timeline, unstyled } = useContactTimelineContext(part);
    return { list: timeline, unstyled };
  },
};

export interface ContactTimelineLoadMoreProps extends ComponentPropsWithoutRef<'button'>, PartOptions {}

/** The "Load more" button: asks for older events by cursor. Renders nothing on the last page. */
export const ContactTimelineLoadMore: ForwardRefExoticComponent<ContactTimelineLoadMoreProps & RefAttributes<HTMLButtonElement>> = createPagedListLoadMore(pagedList);

export interface ContactTimelineEmptyProps extends ComponentPropsWithoutRef<'p'>, PartOptions {}

/** "Nothing has happened yet", when the contact has no events. */
export const ContactTimelineEmpty: ForwardRefExoticComponent<ContactTimelineEmptyProps & RefAttributes<HTMLParagraphElement>> = createPagedListEmpty(pagedList);

export interface ContactTimelineErrorProps extends ComponentPropsWithoutRef<'div'>, PartOptions {}

/** Why the timeline (or its next page) could not be loaded, with "Retry"; an alert. */
export const ContactTimelineError: ForwardRefExoticComponent<ContactTimelineErrorProps & RefAttributes<HTMLDivElement>> = createPagedListError(pagedList);
