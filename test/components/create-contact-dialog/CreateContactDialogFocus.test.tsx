import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateContactDialog } from '../../../src/components/create-contact-dialog';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(cleanup);

/** A host that owns `open` and opens the dialog from its own button (no Radix trigger). */
function Host() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        New person
      </button>
      <CreateContactDialog open={open} onOpenChange={setOpen} />
    </>
  );
}

function renderHost() {
  const user = userEvent.setup();
  render(
    <ReachoutProvider dataProvider={createMemoryProvider()} locale="en">
      <Host />
    </ReachoutProvider>,
  );
  const opener = screen.getByRole('button', { name: 'New person' });
  return { user, opener };
}

const dialog = () => screen.queryByRole('dialog', { name: 'Create contact' });

describe('CreateContactDialog focus on close', () => {
  it.each([
    ['Escape', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    ['the × button', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Close' }))],
    ['Cancel', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Cancel' }))],
  ])('returns focus to the host button that opened it after closing with %s', async (_how, close) => {
    const { user, opener } = renderHost();
    await user.click(opener);
    await waitFor(() => expect(dialog()).not.toBeNull());
    await close(user);
    await waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('returns focus to the opener after Create when it was opened from the keyboard', async () => {
    const { user, opener } = renderHost();
    opener.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
    await user.keyboard('Zoe Quinn');
    await user.type(screen.getByLabelText('Phone'), '+44 7911 123456');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(opener);
  });
});
