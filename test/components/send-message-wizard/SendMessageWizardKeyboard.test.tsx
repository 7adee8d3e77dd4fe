import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { default as testingUserEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { SendMessageWizard } from '../../../src/components/send-message-wizard';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import { renderWizard } from './dialogHelpers';
import { anaLima } from './helpers';

afterEach(cleanup);

/** Real key presses through Chromium (not synthetic events), so its own radio-group arrow handling runs. */
const press = (keys: string) => userEvent.keyboard(keys);

describe('SendMessageWizard keyboard', () => {
  it('keeps focus on the template radios while the arrow keys check them, and Tab leaves the group', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const approved = (await screen.findAllByRole('radio')).filter((radio) => !(radio as HTMLInputElement).disabled);
    screen.getByRole('searchbox', { name: 'Search templates' }).focus();
    await press('{Tab}');
    expect(document.activeElement).toBe(approved[0]);
    await press('{ArrowDown}');
    await waitFor(() => expect((approved[1] as HTMLInputElement).checked).toBe(true));
    expect(document.activeElement).toBe(approved[1]);
    await press('{ArrowDown}');
    await waitFor(() => expect((approved[2] as HTMLInputElement).checked).toBe(true));
    expect(document.activeElement).toBe(approved[2]);
    await press('{Tab}');
    expect(document.activeElement?.getAttribute('role')).not.toBe('dialog');
    expect(document.activeElement?.tagName).toBe('BUTTON');
  });
});

/** A host that owns `open` and opens the wizard from its own button (no Radix trigger). */
function Host() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Notify
      </button>
      <SendMessageWizard contactId={anaLima} open={open} onOpenChange={setOpen} />
    </>
  );
}

describe('SendMessageWizard focus on close', () => {
  function renderHost() {
    const user = testingUserEvent.setup();
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()}>
        <Host />
      </ReachoutProvider>,
    );
    return { user, opener: screen.getByRole('button', { name: 'Notify' }) };
  }
  const wizardDialog = () => screen.queryByRole('dialog', { name: 'Send message' });

  it('returns focus to the host button after opening with a click and closing with ×', async () => {
    const { user, opener } = renderHost();
    await user.click(opener);
    await screen.findByRole('radio', { name: /Acme Support/ });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(wizardDialog()).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('returns focus to the host button after opening with Enter and closing with Escape', async () => {
    const { opener } = renderHost();
    opener.focus();
    await press('{Enter}');
    await screen.findByRole('radio', { name: /Acme Support/ });
    await press('{Escape}');
    await waitFor(() => expect(wizardDialog()).toBeNull());
    expect(document.activeElement).toBe(opener);
  });
});
