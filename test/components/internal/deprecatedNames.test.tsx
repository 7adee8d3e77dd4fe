import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactList } from '../../../src/components/contact-list';
import { ContactsInbox } from '../../../src/components/contacts-inbox';
import { resetDeprecationWarnings } from '../../../src/components/internal/warnDeprecated';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import * as testing from '../../../src/testing';
import * as reachout from '../../../src';

beforeEach(() => {
  resetDeprecationWarnings();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function rowOf(name: string) {
  const grid = await screen.findByRole('grid', { name: 'Contacts' }, { timeout: 3000 });
  return within(grid).findByRole('row', { name: new RegExp(name) }, { timeout: 3000 });
}

describe('deprecated names', () => {
  it('ContactsInbox onSelectedContactChange still reports the selection, and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onSelectedContactChange = vi.fn();
    const user = userEvent.setup();
    const provider = createMemoryProvider();
    const { rerender } = render(
      <ReachoutProvider dataProvider={provider}>
        <div style={{ inlineSize: 1100, blockSize: 640 }}>
          <ContactsInbox onSelectedContactChange={onSelectedContactChange} />
        </div>
      </ReachoutProvider>,
    );
    await user.click(await rowOf('Priya Sharma'));
    expect(onSelectedContactChange).toHaveBeenCalledWith('contact-priya-sharma');
    rerender(
      <ReachoutProvider dataProvider={provider}>
        <div style={{ inlineSize: 1100, blockSize: 640 }}>
          <ContactsInbox onSelectedContactChange={onSelectedContactChange} />
        </div>
      </ReachoutProvider>,
    );
    const deprecations = warn.mock.calls.filter(([message]) => String(message).includes('onSelectedContactChange'));
    expect(deprecations).toHaveLength(1);
    expect(String(deprecations[0]?.[0])).toContain('onSelectedContactIdChange');
  });

  it('ContactList reports a new selection with onSelectedContactIdChange, and every pick with onSelect', async () => {
    const onSelectedContactIdChange = vi.fn();
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()}>
        <div style={{ blockSize: 600 }}>
          <ContactList onSelectedContactIdChange={onSelectedContactIdChange} onSelect={onSelect} />
        </div>
      </ReachoutProvider>,
    );
    await user.click(await rowOf('Priya Sharma'));
    await user.click(await rowOf('Priya Sharma'));
    expect(onSelectedContactIdChange.mock.calls).toEqual([['contact-priya-sharma']]);
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('exports no wizard draft type and no bare fixture arrays', () => {
    expect(Object.keys(testing)).not.toEqual(expect.arrayContaining(['contacts']));
    expect(Object.keys(testing)).not.toContain('templates');
    expect(Object.keys(testing)).not.toContain('tickets');
    expect(testing.fixtures.contacts.length).toBeGreaterThan(0);
    for (const hook of ['useContactListContext', 'useCreateContactDialogContext', 'useTemplatePreviewContext', 'useSendMessageWizardContext', 'useTicketsTabContext', 'useContactTimelineContext', 'useChatsTabContext']) {
      expect(Object.keys(reachout)).toContain(hook);
    }
  });
});
