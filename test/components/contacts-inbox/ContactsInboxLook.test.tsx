import '../../../src/styles.css';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactsInbox } from '../../../src/components/contacts-inbox';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProviderOptions } from '../../../src/testing';

afterEach(cleanup);

function renderInbox({ options, width = 1100, onImportContacts }: { options?: MemoryProviderOptions; width?: number; onImportContacts?: () => void } = {}) {
  const memory = createMemoryProvider(options);
  const user = userEvent.setup();
  render(
    <ReachoutProvider dataProvider={memory}>
      <div style={{ inlineSize: width, blockSize: 640 }}>
        <ContactsInbox onImportContacts={onImportContacts} />
      </div>
    </ReachoutProvider>,
  );
  return { memory, user };
}

async function rowOf(name: string) {
  const grid = await screen.findByRole('grid', { name: 'Contacts' }, { timeout: 3000 });
  return within(grid).findByRole('row', { name: new RegExp(name) }, { timeout: 3000 });
}

function statusOf(row: HTMLElement) {
  return row.querySelector('[data-slot="contact-list-status"]');
}

describe('ContactsInbox look', () => {
  it('puts each contact’s email under the name in the list pane, beside the phone', async () => {
    renderInbox();
    const row = await rowOf('Priya Sharma');
    const name = within(row).getByText('Priya Sharma');
    const email = within(row).getByText('priya.sharma@example.in');
    const phone = row.querySelector<HTMLElement>('[data-column="phone"]');
    const emailBox = email.getBoundingClientRect();
    // Shown (a narrow list used to hide the email column), on the second line.
    expect(emailBox.width).toBeGreaterThan(0);
    expect(emailBox.top).toBeGreaterThanOrEqual(name.getBoundingClientRect().bottom - 1);
    expect(Math.abs(emailBox.left - name.getBoundingClientRect().left)).toBeLessThan(1);
    expect(phone?.getBoundingClientRect().top).toBeLessThan(emailBox.top);
  });

  it('marks an opted-out contact’s row with a dot that screen readers read as “Opted out”', async () => {
    renderInbox();
    const row = await rowOf('Olga Ivanova');
    expect(row).toHaveProperty('textContent', expect.stringContaining('Opted out'));
    expect(statusOf(row)?.getAttribute('data-status')).toBe('opted-out');
    expect(statusOf(await rowOf('Ana Lima'))).toBeNull();
  });

  it('marks a contact whose newest notification failed, once the inbox has loaded their tickets', async () => {
    const { user } = renderInbox();
    const row = await rowOf('Tomás Ferreira');
    expect(statusOf(row)).toBeNull();
    await user.click(row);
    await waitFor(() => expect(statusOf(row)?.getAttribute('data-status')).toBe('failed'), { timeout: 3000 });
    expect(within(row).getByText('Notification failed')).toBeTruthy();
    expect(statusOf(row)?.getAttribute('title')).toBe('Notification failed');
  });

  it('marks a contact with an active chat live, when the customer replies', async () => {
    const { memory } = renderInbox();
    const row = await rowOf('Ana Lima');
    expect(statusOf(row)).toBeNull();
    act(() => memory.control.receiveReply('contact-ana-lima', 'Hello?'));
    await waitFor(() => expect(within(row).queryByText('Active chat')).not.toBeNull(), { timeout: 3000 });
    expect(statusOf(row)?.getAttribute('data-status')).toBe('active-chat');
  });

  it('shows the selected contact’s fields and attributes in the details pane', async () => {
    const { user } = renderInbox();
    await user.click(await rowOf('Priya Sharma'));
    const details = await screen.findByRole('region', { name: 'Priya Sharma' }, { timeout: 3000 });
    const fields = details.querySelector<HTMLElement>('[data-slot="contact-details-fields"]');
    expect(fields).not.toBeNull();
    expect(within(fields!).getByText('Added')).toBeTruthy();
    expect(within(fields!).getByText('City')).toBeTruthy();
    expect(within(fields!).getByText('Bengaluru')).toBeTruthy();
    // A card of its own, like the list.
    const pane = details.closest<HTMLElement>('[data-slot="contacts-inbox-details"]')!;
    expect(getComputedStyle(pane).borderTopWidth).toBe('1px');
  });

  it('invites a first contact from an empty book, by creating or importing one', async () => {
    renderInbox({ options: { contacts: [] }, onImportContacts: vi.fn() });
    expect(await screen.findByText('No contacts yet', undefined, { timeout: 3000 })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Create contact' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Import contacts' })).toHaveLength(1);
  });

  it('offers “Import contacts” beside “Create contact” and hands the click to the host', async () => {
    const onImportContacts = vi.fn();
    const { user } = renderInbox({ onImportContacts });
    await rowOf('Ana Lima');
    const importButton = screen.getByRole('button', { name: 'Import contacts' });
    expect(screen.getByRole('button', { name: 'Create contact' }).parentElement).toBe(importButton.parentElement);
    await user.click(importButton);
    expect(onImportContacts).toHaveBeenCalledTimes(1);
  });

  it('keeps the list’s own empty book, without import, when the host does not handle imports', async () => {
    renderInbox({ options: { contacts: [] } });
    expect(await screen.findByText('Contacts you create appear here, ready for a WhatsApp message.', undefined, { timeout: 3000 })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Create contact' })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Import contacts' })).toBeNull();
  });

  it('offers no import when the host does not handle it', async () => {
    renderInbox();
    await rowOf('Ana Lima');
    expect(screen.getByRole('button', { name: 'Create contact' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import contacts' })).toBeNull();
  });
});
