import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { ContactsInbox } from '../../src/components/contacts-inbox';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

/** The story's chrome: a host page owning the selection, and a stand-in for the customer's phone. */
function FullFlowPage({ provider }: { provider: MemoryProvider }) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, blockSize: 'calc(100vh - 4rem)', minBlockSize: 560 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', fontSize: 13 }}>
        <button
          type="button"
          disabled={selected === null}
          onClick={() => {
            if (selected !== null) provider.control.receiveReply(selected, 'Thanks, got it!');
          }}
        >
          Simulate customer reply
        </button>
        <span>Selected: {selected ?? 'none'}</span>
      </div>
      <div style={{ flex: 1, minBlockSize: 0 }}>
        <ContactsInbox selectedContactId={selected} onSelectedContactIdChange={setSelected} />
      </div>
    </div>
  );
}

function FullFlow({ options }: { options: MemoryProviderOptions }) {
  return <ReachoutStory options={options}>{(provider) => <FullFlowPage provider={provider} />}</ReachoutStory>;
}

const meta = {
  title: 'Inbox/Full flow',
  component: FullFlow,
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'The seed flow end to end on the memory provider: create a contact, find it, send a template, watch verification, see the ticket, and get a reply with "Simulate customer reply".',
      },
    },
  },
} satisfies Meta<typeof FullFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** By hand: realistic latency and a 3-second wait for WhatsApp's verification. */
export const Playground: Story = {
  args: { options: { latencyMs: 300, verifyAfterMs: 3000 } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('grid', { name: 'Contacts' }, { timeout: 5000 });
  },
};

/** The same flow played automatically. */
export const Automated: Story = {
  // The wide inbox (list beside details), as the play function walks it.
  globals: { viewport: { value: 'desktop1280' } },
  args: { options: { latencyMs: 30, verifyAfterMs: 300 } },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('row', { name: /Ana Lima/ }, { timeout: 5000 });

    await step('Create a contact', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Create contact' }));
      const dialog = await screen.findByRole('dialog', { name: 'Create contact' });
      await userEvent.type(within(dialog).getByLabelText('Name'), 'Zoe Quinn');
      await userEvent.type(within(dialog).getByLabelText('Phone'), '+44 7911 123456');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
      await canvas.findByRole('heading', { name: 'Zoe Quinn' }, { timeout: 5000 });
    });

    await step('Find it', async () => {
      await userEvent.type(canvas.getByRole('searchbox', { name: 'Search contacts' }), 'Zoe');
      await waitFor(() => expect(within(canvas.getByRole('grid', { name: 'Contacts' })).queryByRole('row', { name: /Ana Lima/ })).toBeNull(), { timeout: 5000 });
      await userEvent.click(await canvas.findByRole('row', { name: /Zoe Quinn/ }));
    });

    await step('Send a template', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Send message' }));
      await userEvent.click(await screen.findByRole('radio', { name: /Acme Support/ }, { timeout: 5000 }));
      await userEvent.click(screen.getByRole('button', { name: 'Next' }));
      await userEvent.click(await screen.findByRole('radio', { name: /order_update/ }, { timeout: 5000 }));
      await userEvent.click(screen.getByRole('button', { name: 'Next' }));
      await userEvent.type(await screen.findByLabelText('Header {{1}}'), '#10423');
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Fill Body {{1}} from' }), 'name');
      await userEvent.type(screen.getByLabelText('Body {{2}}'), 'DHL Express');
      await userEvent.type(screen.getByLabelText('Body {{3}}'), 'Friday');
      await userEvent.click(screen.getByRole('button', { name: 'Next' }));
      await userEvent.type(await screen.findByLabelText('Description'), 'Follow up on the delivery');
      await userEvent.click(screen.getByRole('button', { name: 'Create ticket and send' }));
    });

    await step('Watch verification', async () => {
      const dialog = screen.getByRole('dialog', { name: 'Send message' });
      await waitFor(() => expect(dialog).toHaveTextContent(/Message sent\. Ticket created/), { timeout: 5000 });
      await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    });

    await step('See the ticket', async () => {
      await userEvent.click(canvas.getByRole('tab', { name: 'Tickets' }));
      const table = await canvas.findByRole('table', { name: 'Tickets' }, { timeout: 5000 });
      await waitFor(() => expect(table.querySelectorAll('tbody tr[data-ticket-id]')).toHaveLength(1));
    });

    await step('Get a reply', async () => {
      await userEvent.click(canvas.getByRole('tab', { name: 'Chats' }));
      await userEvent.click(canvas.getByRole('button', { name: 'Simulate customer reply' }));
      await canvas.findByText(/You can reply until/, {}, { timeout: 5000 });
    });
  },
};
