import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { CreateContactDialog } from '../../../src/components/create-contact-dialog';
import type { CreateContactDialogProps } from '../../../src/components/create-contact-dialog';
import type { MemoryProviderCall } from '../../../src/testing';
import { ReachoutProvider, useContacts } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider, MemoryProviderOptions } from '../../../src/testing';

export interface RenderDialogOptions {
  provider?: MemoryProviderOptions;
  props?: Partial<CreateContactDialogProps>;
  locale?: string;
  /** Rendered beside the dialog, inside the same provider. */
  beside?: ReactNode;
  userOptions?: Parameters<typeof userEvent.setup>[0];
}

/** The dialog, open, over its own memory provider; English locale (so the default country is US). */
export function renderDialog(options: RenderDialogOptions = {}) {
  const provider: MemoryProvider = createMemoryProvider(options.provider);
  const onCreated = vi.fn();
  const onOpenChange = vi.fn();
  const user = userEvent.setup(options.userOptions);
  const result = render(
    <ReachoutProvider dataProvider={provider} locale={options.locale ?? 'en'}>
      {options.beside}
      <CreateContactDialog defaultOpen onCreated={onCreated} onOpenChange={onOpenChange} {...options.props} />
    </ReachoutProvider>,
  );
  return { ...result, provider, onCreated, onOpenChange, user };
}

/** The provider calls of one method, oldest first. */
export function callsOf<Method extends MemoryProviderCall['method']>(provider: MemoryProvider, method: Method) {
  return provider.control.calls.filter(
    (call): call is Extract<MemoryProviderCall, { method: Method }> => call.method === method,
  );
}

export const field = {
  name: () => screen.getByLabelText('Name') as HTMLInputElement,
  email: () => screen.getByLabelText('Email') as HTMLInputElement,
  phone: () => screen.getByLabelText('Phone') as HTMLInputElement,
  country: () => screen.getByLabelText('Country') as HTMLSelectElement,
  photo: () => screen.getByLabelText('Photo') as HTMLInputElement,
  create: () => screen.getByRole('button', { name: 'Create' }) as HTMLButtonElement,
};

/** The text of the element(s) an input names through `aria-describedby`. */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `<missing #${id}>`).join(' | ');
}

/** The names of the contacts a `useContacts()` list shows, in a list named "Contacts". */
export function ContactNames() {
  const { contacts } = useContacts();
  return (
    <ul aria-label="Contacts">
      {contacts.map((contact) => (
        <li key={contact.id}>{contact.name}</li>
      ))}
    </ul>
  );
}

/** A real PNG (a small square drawn on a canvas), so the browser can preview it. */
export async function pngFile(name = 'avatar.png', size = 8): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('No 2D canvas');
  context.fillStyle = '#0a7c66';
  context.fillRect(0, 0, size, size);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('The canvas gave no PNG');
  return new File([blob], name, { type: 'image/png' });
}
