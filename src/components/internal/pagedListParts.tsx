import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { ReachoutError } from '../../core/errors';
import type { WidgetMessagesResult } from '../../data/internal/useWidgetMessages';
import { cn } from './cn';
import { composeEventHandlers } from './composeEventHandlers';

/** What the LoadMore, Empty and Error parts of a paged list read from its Root. */
export interface PagedListState {
  status: 'loading' | 'empty' | 'ready' | 'error';
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  error: ReachoutError | null;
  loadMore: () => void;
  retry: () => void;
}

export interface PagedListPartOptions {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

export interface PagedListPartsSpec<Key extends string = string> {
  /** `TicketsTab`: names the parts in React DevTools and in the error a part outside its Root throws. */
  widget: string;
  /** `tickets-tab`: the prefix of the parts' `data-slot` and (with `reachout-`) of their classes. */
  slot: string;
  /** The Empty part's class suffix (`empty` → `reachout-tickets-tab__empty`). */
  emptyClass: string;
  emptyMessage: Key;
  errorTitle: Key;
  /** The widget's own `useMessages` (its `messages.ts`), so the parts carry only its strings. */
  useMessages: () => WidgetMessagesResult<Key>;
  /** The Root's list state and `unstyled`; throws, naming `part`, outside a Root. */
  useRoot: (part: string) => { list: PagedListState; unstyled: boolean };
}

function usePagedListPart<Key extends string>(
  spec: PagedListPartsSpec<Key>,
  part: string,
  element: string,
  unstyled: boolean | undefined,
  className: string | undefined,
) {
  const root = spec.useRoot(`${spec.widget}.${part}`);
  const styled = !(unstyled ?? root.unstyled);
  return { list: root.list, styled, className: cn(styled && `reachout-${spec.slot}__${element}`, className) };
}

// The three parts every paged list of a contact (tickets, timeline, chats) shares: "Load more",
// the empty note and the error with Retry; same markup, slots and classes for each list. One
// factory per part, so a host's bundler can drop each part the host does not use.

/** The "Load more" button of a paged list. */
export function createPagedListLoadMore<Key extends string>(spec: PagedListPartsSpec<Key>) {
  const { slot } = spec;
  const LoadMore = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'> & PagedListPartOptions>(
    function LoadMore({ unstyled, className, children, onClick, ...props }, ref) {
      const { list, className: partClassName } = usePagedListPart(spec, 'LoadMore', 'button', unstyled, className);
      const { t } = spec.useMessages();
      if (list.status !== 'ready' || !list.hasNextPage || list.error !== null) return null;
      return (
        <button
          ref={ref}
          type="button"
          data-slot={`${slot}-load-more`}
          aria-disabled={list.isFetchingNextPage ? true : undefined}
          className={partClassName}
          {...props}
          onClick={composeEventHandlers(onClick, list.isFetchingNextPage ? undefined : list.loadMore)}
        >
          {children ?? (list.isFetchingNextPage ? t('common.loading') : t('common.loadMore'))}
        </button>
      );
    },
  );
  LoadMore.displayName = `${spec.widget}LoadMore`;
  return LoadMore;
}

/** The note a paged list shows when it has nothing. */
export function createPagedListEmpty<Key extends string>(spec: PagedListPartsSpec<Key>) {
  const { slot } = spec;
  const Empty = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'> & PagedListPartOptions>(function Empty(
    { unstyled, className, children, ...props },
    ref,
  ) {
    const { list, className: partClassName } = usePagedListPart(spec, 'Empty', spec.emptyClass, unstyled, className);
    const { t } = spec.useMessages();
    if (list.status !== 'empty') return null;
    return (
      <p ref={ref} data-slot={`${slot}-empty`} className={partClassName} {...props}>
        {children ?? t(spec.emptyMessage)}
      </p>
    );
  });
  Empty.displayName = `${spec.widget}Empty`;
  return Empty;
}

/** Why a paged list (or its next page) could not be loaded, with "Retry". */
export function createPagedListError<Key extends string>(spec: PagedListPartsSpec<Key>) {
  const { slot } = spec;
  const ErrorPart = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'> & PagedListPartOptions>(function Error(
    { unstyled, className, ...props },
    ref,
  ) {
    const { list, styled, className: partClassName } = usePagedListPart(spec, 'Error', 'error', unstyled, className);
    const { t, errorMessage } = spec.useMessages();
    if (list.error === null) return null;
    return (
      <div ref={ref} role="alert" data-slot={`${slot}-error`} className={partClassName} {...props}>
        <p data-slot={`${slot}-error-title`}>{t(spec.errorTitle)}</p>
        <p data-slot={`${slot}-error-message`}>{errorMessage(list.error)}</p>
        <button type="button" className={cn(styled && `reachout-${slot}__button`)} onClick={list.retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  });
  ErrorPart.displayName = `${spec.widget}Error`;
  return ErrorPart;
}
