import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { CampaignsList } from '../../src/components/campaigns-list';
import type { CampaignProviderOptions } from '../support/campaignProvider';
import { CampaignStory } from '../support/CampaignStory';

interface CampaignsListStoryParameters {
  options?: CampaignProviderOptions;
  width?: number | string;
}

const meta = {
  title: 'Widgets/CampaignsList',
  component: CampaignsList,
  args: { onSelect: fn() },
  render: (args, context) => {
    const parameters = (context.parameters.reachout ?? {}) as CampaignsListStoryParameters;
    return (
      <CampaignStory options={parameters.options} width={parameters.width}>
        <CampaignsList {...args} />
      </CampaignStory>
    );
  },
  parameters: {
    docs: { description: { component: 'The campaigns, newest first, with status and progress; selecting one calls `onSelect`.' } },
  },
} satisfies Meta<typeof CampaignsList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Order delays, week 48', {}, { timeout: 5000 })).toBeInTheDocument();
  },
};

export const Empty: Story = {
  parameters: { reachout: { options: { seeded: false } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No campaigns yet')).toBeInTheDocument();
  },
};

export const Loading: Story = { parameters: { reachout: { options: { latencyMs: 60_000 } } } };

export const SlowNetwork: Story = {
  parameters: { reachout: { options: { latencyMs: 1500 } } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Order delays, week 48', {}, { timeout: 5000 })).toBeInTheDocument();
  },
};

export const ProviderWithoutCampaigns: Story = {
  parameters: { reachout: { options: { supported: false } } },
};

export const Mobile: Story = { ...Default, parameters: { reachout: { width: 390 } } };
export const Dark: Story = { ...Default, globals: { theme: 'dark' } };
export const RightToLeft: Story = { ...Default, globals: { dir: 'rtl' } };
