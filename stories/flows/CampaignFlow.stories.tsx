import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { CampaignProgress } from '../../src/components/campaign-progress';
import { CampaignWizard } from '../../src/components/campaign-wizard';
import { ContactList } from '../../src/components/contact-list';
import type { ContactListSelection } from '../../src/components/contact-list';
import { CampaignStory } from '../support/CampaignStory';

/** Select contacts → "Create campaign" → the campaign's progress, live. */
function CampaignFlow() {
  const [selection, setSelection] = useState<ContactListSelection | null>(null);
  const [open, setOpen] = useState(false);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div style={{ blockSize: 420 }}>
        <ContactList
          selectionMode="multiple"
          selection={selection}
          onSelectionChange={setSelection}
          selectionActions={
            <button type="button" className="reachout-contact-list__button" onClick={() => setOpen(true)}>
              Create campaign
            </button>
          }
        />
      </div>
      <CampaignWizard open={open} onOpenChange={setOpen} audience={selection} onCreated={(campaign) => setCampaignId(campaign.id)} />
      {campaignId !== null && <CampaignProgress campaignId={campaignId} />}
    </div>
  );
}

const meta = {
  title: 'Flows/Campaign',
  component: CampaignFlow,
  render: () => (
    <CampaignStory>
      <CampaignFlow />
    </CampaignStory>
  ),
} satisfies Meta<typeof CampaignFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SelectContactsCreateCampaignWatchProgress: Story = {
  play: async ({ canvasElement }) => {
    const user = userEvent.setup();
    const canvas = within(canvasElement);
    await canvas.findByRole('grid', { name: 'Contacts' }, { timeout: 5000 });
    await user.click(await canvas.findByRole('checkbox', { name: 'Select Ana Lima' }));
    await user.click(canvas.getByRole('checkbox', { name: 'Select Chidi Okafor' }));
    await user.click(canvas.getByRole('checkbox', { name: 'Select Emily Clarke' }));
    await expect(canvas.getByText('3 contacts selected')).toBeInTheDocument();
    await user.click(canvas.getByRole('button', { name: 'Create campaign' }));

    const dialog = screen.getByRole('dialog', { name: 'Create campaign' });
    await expect(within(dialog).getByText('3 selected contacts')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Campaign name' }), 'Shipping news');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(await within(dialog).findByRole('radio', { name: /order_update/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.selectOptions(within(dialog).getAllByRole('combobox', { name: /^Fill Body/ })[0] as HTMLElement, 'firstName');
    for (const field of within(dialog).getAllByRole('textbox')) {
      if (!(field as HTMLInputElement).readOnly) await user.type(field, 'x');
    }
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await within(dialog).findByText('Will send to 2 contacts');
    await user.click(within(dialog).getByRole('button', { name: 'Send now' }));

    await expect(await canvas.findByRole('heading', { name: 'Shipping news' })).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByRole('progressbar', { name: 'Campaign progress' })).toHaveAttribute('aria-valuetext', '0 of 3 recipients done'));
  },
};
