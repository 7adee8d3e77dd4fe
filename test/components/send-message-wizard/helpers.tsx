import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { act } from 'react';
import { expect, vi } from 'vitest';
import { useSendMessageWizard } from '../../../src/components/send-message-wizard';
import type { UseSendMessageWizardOptions } from '../../../src/components/send-message-wizard';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider, templatesByName } from '../../../src/testing';
import type { MemoryProvider, MemoryProviderCall, MemoryProviderOptions } from '../../../src/testing';

export const anaLima = 'contact-ana-lima';
export const hugoMartin = 'contact-hugo-martin';
export const olgaIvanova = 'contact-olga-ivanova';
export const tomasFerreira = 'contact-tomas-ferreira';

export function orderUpdate() {
  const template = templatesByName['order_update'];
  if (template === undefined) throw new Error('fixture order_update is missing');
  return template;
}

/** The provider calls of one method, oldest first. */
export function callsOf<Method extends MemoryProviderCall['method']>(provider: MemoryProvider, method: Method) {
  return provider.control.calls.filter(
    (call): call is Extract<MemoryProviderCall, { method: Method }> => call.method === method,
  );
}

export function wrapperFor(provider: MemoryProvider) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <ReachoutProvider dataProvider={provider}>{children}</ReachoutProvider>;
  };
}

/** The hook over its own memory provider. */
export function renderWizardHook(
  options: Partial<UseSendMessageWizardOptions> = {},
  providerOptions?: MemoryProviderOptions,
  existingProvider?: MemoryProvider,
) {
  const provider = existingProvider ?? createMemoryProvider(providerOptions);
  const onSent = vi.fn();
  const rendered = renderHook(
    (props: Partial<UseSendMessageWizardOptions>) => useSendMessageWizard({ contactId: anaLima, onSent, ...options, ...props }),
    { wrapper: wrapperFor(provider) },
  );
  return { ...rendered, provider, onSent };
}

type HookResult = ReturnType<typeof renderWizardHook>['result'];

/** Fills every step of a fresh draft for Ana Lima with order_update, up to the ticket step. */
export async function fillToTicketStep(result: HookResult) {
  await waitFor(() => expect(result.current.isLoading).toBe(false));
  act(() => result.current.setValues({ senderId: 'sender-support' }));
  act(() => void result.current.next());
  act(() => result.current.setTemplate(orderUpdate()));
  act(() => void result.current.next());
  act(() => {
    result.current.setVariable('header.1', '#10423');
    result.current.setVariable('body.2', 'DHL Express');
    result.current.setVariable('body.3', 'Friday');
    result.current.setBinding('body.1', 'firstName');
  });
  act(() => void result.current.next());
  act(() => result.current.setValues({ priority: 'high', assigneeId: 'agent-chen-wei', description: 'Shipping follow-up' }));
  expect(result.current.step).toBe('ticket');
}

