import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ReachoutDataProvider } from '../../core/provider';
import type { Ticket } from '../../core/types';
import type { ReachoutMessages } from '../messages';

export interface ReachoutContextValue {
  dataProvider: ReachoutDataProvider;
  queryClient: QueryClient;
  locale: string;
  /**
   * The host's overrides only (strings only): each widget looks its keys up here, then in its
   * own English tables, so no widget needs every widget's defaults.
   */
  messages: ReachoutMessages;
  pollIntervalMs: number;
  /** Sends in flight by idempotency key, shared by every hook under one provider. */
  sendsInFlight: Map<string, Promise<Ticket>>;
}

export const ReachoutContext = createContext<ReachoutContextValue | null>(null);

/** The provider's context; `hookName` names the hook in the error when there is none. */
export function useReachoutContext(hookName: string): ReachoutContextValue {
  const context = useContext(ReachoutContext);
  if (context === null) throw new Error(`${hookName} must be used inside <ReachoutProvider>`);
  return context;
}
