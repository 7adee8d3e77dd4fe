import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { CampaignProgress } from '../../src/components/campaign-progress';
import { CampaignWizard } from '../../src/components/campaign-wizard';
import { ContactList } from '../../src/components/contact-list';
import type { ContactListSelection } from '../../src/components/contact-list';
import type { CampaignStoryProvider } from '../support/campaignProvider';
import { CampaignStory } from '../support/CampaignStory';

/** The story's provider, for the play functions to move the campaign on. */
let flowProvider: CampaignStoryProvider | undefined;

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
    <CampaignStory options={{ seeded: false }} setup={(provider) => (flowProvider = provider)}>
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
    await user.click(canvas.getByRole('checkbox', { name: 'Select Hugo Martin' }));
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
    // Hugo has an active chat: the preflight counts him out.
    await within(dialog).findByText('Will send to 2 contacts');
    await user.click(within(dialog).getByRole('button', { name: 'Send now' }));

    await expect(await canvas.findByRole('heading', { name: 'Shipping news' })).toBeInTheDocument();
    const progressbar = canvas.getByRole('progressbar', { name: 'Campaign progress' });
    await waitFor(() => expect(progressbar).toHaveAttribute('aria-valuetext', '0 of 3 recipients done'));
    // The queue moves on: the counts follow live.
    flowProvider?.control.advanceCampaigns({ turns: 1 });
    await waitFor(() => expect(progressbar).toHaveAttribute('aria-valuetext', '1 of 3 recipients done'));
    await user.click(canvas.getByRole('button', { name: 'Pause' }));
    await expect(await canvas.findByText('Paused', { selector: '[data-slot="campaign-progress-status"]' })).toBeInTheDocument();
    await user.click(canvas.getByRole('button', { name: 'Resume' }));
    await expect(await canvas.findByText('Sending', { selector: '[data-slot="campaign-progress-status"]' })).toBeInTheDocument();
  },
};

/** The id of the campaign the flow created (the newest). */
async function flowCampaignId(): Promise<string> {
  const page = await flowProvider?.listCampaigns?.({ limit: 1 });
  const id = page?.items[0]?.id;
  if (id === undefined) throw new Error('The flow created no campaign');
  return id;
}

/** "Select all" matching a search, a scheduled campaign: its progress says when it starts. */
export const SelectAllMatchingSearchSchedule: Story = {
  play: async ({ canvasElement }) => {
    const user = userEvent.setup();
    const canvas = within(canvasElement);
    await canvas.findByRole('grid', { name: 'Contacts' }, { timeout: 5000 });
    await user.type(canvas.getByRole('searchbox', { name: 'Search contacts' }), 'example');
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="contact-list"]')).not.toHaveAttribute('data-stale'));
    await user.click(canvas.getByRole('checkbox', { name: 'Select all' }));
    await user.click(canvas.getByRole('button', { name: 'Create campaign' }));
    const dialog = screen.getByRole('dialog', { name: 'Create campaign' });
    await expect(within(dialog).getByText('Every contact matching “example”')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Campaign name' }), 'Later');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(await within(dialog).findByRole('radio', { name: /order_update/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    for (const field of within(dialog).getAllByRole('textbox')) await user.type(field, 'x');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Schedule' }));
    await user.type(within(dialog).getByLabelText('Date'), '2099-01-10');
    await user.type(within(dialog).getByLabelText('Time'), '09:30');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    // The search's 11 contacts: one has an active chat, one opted out.
    await within(dialog).findByText('Will send to 9 contacts');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule campaign' }));
    await expect(await canvas.findByRole('heading', { name: 'Later' })).toBeInTheDocument();
    await expect(canvas.getByText('Scheduled', { selector: '[data-slot="campaign-progress-status"]' })).toBeInTheDocument();
    const created = await flowProvider?.getCampaign?.({ id: await flowCampaignId() });
    await expect(created?.scheduledAt).not.toBeNull();
  },
};
