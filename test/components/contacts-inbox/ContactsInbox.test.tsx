import '../../../src/styles.css';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactsInbox } from '../../../src/components/contacts-inbox';
import type { ContactsInboxProps } from '../../../src/components/contacts-inbox';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(cleanup);

function renderInbox(props: Partial<ContactsInboxProps> = {}, width = 1100) {
  const provider = createMemoryProvider();
  const onSelectedContactIdChange = vi.fn<(id: string | null) => void>();
  const user = userEvent.setup();
  const ui = (extra: Partial<ContactsInboxProps>) => (
    <ReachoutProvider dataProvider={provider}>
      <div style={{ inlineSize: width, blockSize: 640 }}>
        <ContactsInbox onSelectedContactIdChange={onSelectedContactIdChange} {...props} {...extra} />
      </div>
    </ReachoutProvider>
  );
  const result = render(ui({}));
  return { ...result, provider, user, onSelectedContactIdChange, rerenderWith: (extra: Partial<ContactsInboxProps>) => result.rerender(ui(extra)) };
}

async function rowOf(name: string) {
  const grid = await screen.findByRole('grid', { name: 'Contacts' }, { timeout: 3000 });
  return within(grid).findByRole('row', { name: new RegExp(name) }, { timeout: 3000 });
}

describe('ContactsInbox', () => {
  it('shows the details of the contact picked in the list', async () => {
    const { user, onSelectedContactIdChange } = renderInbox();
    expect(screen.getByText('Select a contact to see their details')).toBeTruthy();
    await user.click(await rowOf('Priya Sharma'));
    expect(await screen.findByRole('heading', { name: 'Priya Sharma' }, { timeout: 3000 })).toBeTruthy();
    expect(onSelectedContactIdChange).toHaveBeenCalledWith('contact-priya-sharma');
    // Wide: the list stays beside the details, with no way "back".
    expect(screen.getByRole('grid', { name: 'Contacts' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back to contacts' })).toBeNull();
    expect(screen.getByRole('grid', { name: 'Contacts' }).contains(document.activeElement)).toBe(true);
  });

  it('follows a controlled selection and only asks for changes', async () => {
    const { user, rerenderWith, onSelectedContactIdChange } = renderInbox({ selectedContactId: 'contact-ana-lima' });
    expect(await screen.findByRole('heading', { name: 'Ana Lima' }, { timeout: 3000 })).toBeTruthy();
    await user.click(await rowOf('Hugo Martin'));
    expect(onSelectedContactIdChange).toHaveBeenCalledWith('contact-hugo-martin');
    expect(screen.getByRole('heading', { name: 'Ana Lima' })).toBeTruthy();
    rerenderWith({ selectedContactId: 'contact-hugo-martin' });
    expect(await screen.findByRole('heading', { name: 'Hugo Martin' }, { timeout: 3000 })).toBeTruthy();
    rerenderWith({ selectedContactId: null });
    expect(await screen.findByText('Select a contact to see their details')).toBeTruthy();
  });

  it('selects a contact as soon as it is created', async () => {
    const { user, onSelectedContactIdChange } = renderInbox();
    await rowOf('Ana Lima');
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create contact' });
    await user.type(within(dialog).getByLabelText('Name'), 'Zoe Quinn');
    await user.type(within(dialog).getByLabelText('Phone'), '+44 7911 123456');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('heading', { name: 'Zoe Quinn' }, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onSelectedContactIdChange).toHaveBeenLastCalledWith(expect.stringMatching(/./));
  });

  it('shows one pane at a time when narrow, with Back to contacts', async () => {
    const { user, onSelectedContactIdChange } = renderInbox({}, 360);
    await user.click(await rowOf('Ana Lima'));
    expect(await screen.findByRole('heading', { name: 'Ana Lima' }, { timeout: 3000 })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('grid', { name: 'Contacts' })).toBeNull());
    // Focus follows to the pane now shown, not lost with the hidden row.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back to contacts' }));
    await user.keyboard('{Enter}');
    expect(onSelectedContactIdChange).toHaveBeenLastCalledWith(null);
    expect(await screen.findByRole('grid', { name: 'Contacts' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search contacts' }));
    expect(screen.queryByRole('heading', { name: 'Ana Lima' })).toBeNull();
  });
});
