import '../../../src/styles.css';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactsInbox } from '../../../src/components/contacts-inbox';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider, fixtures, generateContacts } from '../../../src/testing';

afterEach(cleanup);

function renderInbox() {
  const provider = createMemoryProvider({ contacts: [...fixtures.contacts, ...generateContacts(40, 5)] });
  const user = userEvent.setup();
  render(
    <ReachoutProvider dataProvider={provider}>
      <div style={{ inlineSize: 1100, blockSize: 640 }}>
        <ContactsInbox />
      </div>
    </ReachoutProvider>,
  );
  return { user, provider };
}

const grid = () => screen.getByRole('grid', { name: 'Contacts' });

describe('ContactsInbox creating a contact', () => {
  it('scrolls the list to a contact just created and marks its row', async () => {
    const { user } = renderInbox();
    await within(await screen.findByRole('grid', { name: 'Contacts' }, { timeout: 3000 })).findAllByRole('row', { name: /Ana Lima/ });
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create contact' });
    await user.type(within(dialog).getByLabelText('Name'), 'Zyta Quinn');
    await user.type(within(dialog).getByLabelText('Phone'), '+44 7911 123456');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('heading', { name: 'Zyta Quinn' }, { timeout: 3000 });
    const row = await within(grid()).findByRole('row', { name: /Zyta Quinn/ }, { timeout: 3000 });
    await waitFor(() => expect(row.hasAttribute('data-highlighted')).toBe(true));
    const viewport = grid().querySelector('[data-slot="contact-list-viewport"]') as HTMLElement;
    await waitFor(() => {
      const box = row.getBoundingClientRect();
      const view = viewport.getBoundingClientRect();
      expect(box.top).toBeGreaterThanOrEqual(view.top - 1);
      expect(box.bottom).toBeLessThanOrEqual(view.bottom + 1);
    });
  });

  it('offers "Open contact" on a duplicate phone, and opens the contact who has it', async () => {
    const { user } = renderInbox();
    await screen.findByRole('grid', { name: 'Contacts' }, { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create contact' });
    await user.type(within(dialog).getByLabelText('Name'), 'Ana Again');
    await user.type(within(dialog).getByLabelText('Phone'), '+55 11 98765 4321');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await within(dialog).findByText('A contact with this phone number already exists.');
    await user.click(within(dialog).getByRole('button', { name: 'Open contact' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create contact' })).toBeNull());
    expect(await screen.findByRole('heading', { name: 'Ana Lima' }, { timeout: 3000 })).toBeTruthy();
  });
});
