import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ReachoutDataProvider } from '../../core/provider';
import type { Ticket } from '../../core/types';
import type { MessageKey } from '../messages';

export interface ReachoutContextValue {
  dataProvider: ReachoutDataProvider;
  queryClient: QueryClient;
  locale: string;
  /** The defaults with the host's overrides merged over them. */
  messages: Record<MessageKey, string>;
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
