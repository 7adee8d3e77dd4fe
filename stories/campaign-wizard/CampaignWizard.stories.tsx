import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, within } from 'storybook/test';
import { CampaignWizard } from '../../src/components/campaign-wizard';
import type { CampaignProviderOptions } from '../support/campaignProvider';
import { CampaignStory } from '../support/CampaignStory';

const meta = {
  title: 'Widgets/CampaignWizard',
  component: CampaignWizard,
  args: { defaultOpen: true, onCreated: fn(), audience: { contactIds: ['contact-ana-lima', 'contact-hugo-martin', 'contact-priya-sharma'] } },
  render: (args, context) => (
    <CampaignStory options={{ seeded: false, ...(context.parameters.reachout as { options?: CampaignProviderOptions } | undefined)?.options }}>
      <CampaignWizard {...args} />
    </CampaignStory>
  ),
  parameters: {
    docs: {
      description: {
        component:
          '"Create campaign": audience → template and content (a variable typed, or bound to a contact field) → schedule ("Send now", or a date, time and time zone) → review with the preflight counts → "Send now" / "Schedule campaign".',
      },
    },
  },
} satisfies Meta<typeof CampaignWizard>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialog = () => screen.getByRole('dialog', { name: 'Create campaign' });

export const Audience: Story = {
  play: async () => {
    await expect(within(dialog()).getByText('3 selected contacts')).toBeInTheDocument();
  },
};

/** No audience from the host: the first step asks for a search (empty: everyone). */
export const AudienceFromSearch: Story = { args: { audience: undefined } };

/** The schedule step with a time in the past, refused. */
export const ScheduleInThePast: Story = {
  args: { now: () => new Date('2026-12-05T12:00:00Z') },
  play: async () => {
    const user = userEvent.setup();
    await user.type(within(dialog()).getByRole('textbox', { name: 'Campaign name' }), 'Shipping news');
    await user.click(within(dialog()).getByRole('button', { name: 'Next' }));
    await user.click(await within(dialog()).findByRole('radio', { name: /order_update/ }));
    await user.click(within(dialog()).getByRole('button', { name: 'Next' }));
    for (const field of within(dialog()).getAllByRole('textbox')) await user.type(field, 'x');
    await user.click(within(dialog()).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog()).getByRole('radio', { name: 'Schedule' }));
    await user.type(within(dialog()).getByLabelText('Date'), '2026-12-01');
    await user.type(within(dialog()).getByLabelText('Time'), '09:00');
    await user.click(within(dialog()).getByRole('button', { name: 'Next' }));
    await expect(within(dialog()).getByText('This time has passed. Choose a time in the future.')).toBeInTheDocument();
  },
};

export const ProviderWithoutCampaigns: Story = { parameters: { reachout: { options: { supported: false } } } };
export const Dark: Story = { ...Audience, globals: { theme: 'dark' } };
export const RightToLeft: Story = { ...Audience, globals: { dir: 'rtl' } };
export const Desktop: Story = { ...Audience, globals: { viewport: { value: 'desktop1280' } } };
