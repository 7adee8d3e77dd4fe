import '../../../src/styles.css';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { ContactList } from '../../../src/components/contact-list';
import type { ContactListProps } from '../../../src/components/contact-list';
import type { ReachoutDataProvider } from '../../../src/core/provider';
import type { Contact, Page } from '../../../src/core/types';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider, MemoryProviderCall, MemoryProviderOptions } from '../../../src/testing';

/** A host box with a height, as the list fills its host's. */
export function Host({ children, width = 800, height = 400 }: { children: ReactNode; width?: number; height?: number }) {
  return <div style={{ inlineSize: width, blockSize: height }}>{children}</div>;
}

export interface RenderListOptions {
  provider?: MemoryProviderOptions | ReachoutDataProvider;
  props?: Partial<ContactListProps>;
  width?: number;
  height?: number;
  /** Let failures show at once, without the data layer's retries. */
  noRetry?: boolean;
}

function isDataProvider(value: RenderListOptions['provider']): value is ReachoutDataProvider {
  return value !== undefined && 'listContacts' in value;
}

/** `<ContactList>` in a 800×400 host over its own memory provider (or the one given). */
export function renderList(options: RenderListOptions = {}) {
  const memory = isDataProvider(options.provider) ? null : createMemoryProvider(options.provider);
  const dataProvider = isDataProvider(options.provider) ? options.provider : (memory as MemoryProvider);
  const queryClient = createReachoutQueryClient(
    options.noRetry ? { defaultOptions: { queries: { retry: false } } } : {},
  );
  const onSelect = vi.fn<(contact: Contact) => void>();
  const onCreateContact = vi.fn();
  const user = userEvent.setup();
  const result = render(
    <ReachoutProvider dataProvider={dataProvider} queryClient={queryClient}>
      <Host width={options.width} height={options.height}>
        <ContactList onSelect={onSelect} onCreateContact={onCreateContact} {...options.props} />
      </Host>
    </ReachoutProvider>,
  );
  return { ...result, provider: memory, dataProvider, onSelect, onCreateContact, user, queryClient };
}

/** The provider calls of one method, oldest first. */
export function callsOf<Method extends MemoryProviderCall['method']>(provider: MemoryProvider, method: Method) {
  return provider.control.calls.filter(
    (call): call is Extract<MemoryProviderCall, { method: Method }> => call.method === method,
  );
}

export const grid = () => screen.getByRole('grid', { name: 'Contacts' });
export const searchBox = () => screen.getByRole('searchbox', { name: 'Search contacts' }) as HTMLInputElement;

/** The contact rows in the DOM now (not the header row, not placeholders). */
export function contactRows(): HTMLElement[] {
  return within(grid()).queryAllByRole('row').filter((row) => row.hasAttribute('data-contact-id'));
}

/** The names of the contact rows in the DOM, in order. */
export function rowNames(): string[] {
  return contactRows().map((row) => row.querySelector('[data-slot="contact-list-name"]')?.textContent ?? '');
}

/** The row of the contact named `name`. */
export function rowOf(name: string): HTMLElement {
  const row = contactRows().find((candidate) => candidate.querySelector('[data-slot="contact-list-name"]')?.textContent === name);
  if (row === undefined) throw new Error(`No row for ${name}; rows: ${rowNames().join(', ')}`);
  return row;
}

/** Every contact of a memory provider's book, in the list's order. */
export async function allContacts(provider: MemoryProvider): Promise<Contact[]> {
  const contacts: Contact[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Contact> = await provider.listContacts({ cursor, limit: 100 });
    contacts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  provider.control.clearCalls();
  return contacts;
}

/** A promise and the functions that settle it, for a provider answering when the test says. */
export function deferred<Value>() {
  let resolve!: (value: Value) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Value>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return { promise, resolve, reject };
}
