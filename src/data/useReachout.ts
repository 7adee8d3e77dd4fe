import type { QueryClient } from '@tanstack/react-query';
import type { ReachoutDataProvider } from '../core/provider';
import { useReachoutContext } from './internal/context';

export interface UseReachoutResult {
  /** The host's data provider, for what has no hook (e.g. `uploadMedia`). */
  dataProvider: ReachoutDataProvider;
  /** The client Reachout's queries live in. */
  queryClient: QueryClient;
  /** The provider's locale. */
  locale: string;
  /** True when the data provider pushes live updates (`subscribe`); widgets poll otherwise. */
  hasLiveUpdates: boolean;
}

/**
 * What `<ReachoutProvider>` holds, for widgets that need the provider itself.
 *
 * @example
 * const { dataProvider } = useReachout();
 * const canUpload = Boolean(dataProvider.uploadMedia);
 */
export function useReachout(): UseReachoutResult {
  const { dataProvider, queryClient, locale } = useReachoutContext('useReachout');
  return { dataProvider, queryClient, locale, hasLiveUpdates: typeof dataProvider.subscribe === 'function' };
}
