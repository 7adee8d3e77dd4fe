import type { MessageTemplate } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkPage } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { usePagedQuery } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutPagedQueryState } from './types';

export interface UseTemplatesOptions {
  /** The sender whose templates to list; nothing is fetched until there is one. */
  senderId: string | null | undefined;
  /**
   * Matches template names on the provider; debounce typing before passing it here.
   * @default ''
   */
  search?: string;
  /**
   * Templates per page.
   * @default 50
   */
  limit?: number;
}

export interface UseTemplatesResult extends ReachoutPagedQueryState {
  /** Every template of the loaded pages, every status included (only APPROVED are sendable). */
  templates: MessageTemplate[];
}

/**
 * A sender's message templates, page by page. Like `useContacts`, a new search aborts the
 * previous request and shows the previous results as placeholder data meanwhile; a new sender
 * shows nothing until its own templates arrive (another number's templates are not a hint).
 *
 * @example
 * const { templates, isLoading } = useTemplates({ senderId, search });
 */
export function useTemplates(options: UseTemplatesOptions): UseTemplatesResult {
  const { dataProvider, queryClient } = useReachoutContext('useTemplates');
  const senderId = options.senderId ?? '';
  const search = options.search ?? '';
  const limit = options.limit ?? 50;
  const queryKey = reachoutKeys.templates.list(senderId, search);
  const { items, ...state } = usePagedQuery<MessageTemplate>({
    queryClient,
    queryKey,
    enabled: senderId !== '',
    fetchPage: (cursor, signal) =>
      callProvider(
        'listTemplates',
        signal,
        () => dataProvider.listTemplates({ senderId, ...(search ? { search } : {}), cursor, limit }, { signal }),
        checkPage,
      ),
    keepPreviousFrom: (previousKey) => previousKey[3] === senderId,
  });
  return { ...state, templates: items };
}
