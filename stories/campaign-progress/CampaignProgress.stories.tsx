import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { CampaignProgress } from '../../src/components/campaign-progress';
import { ReachoutError } from '../../src/core';
import { campaignFixtures } from '../support/campaignProvider';
import type { CampaignProviderOptions, CampaignStoryProvider } from '../support/campaignProvider';
import { CampaignStory } from '../support/CampaignStory';

interface CampaignProgressStoryParameters {
  options?: CampaignProviderOptions;
  setup?: (provider: CampaignStoryProvider) => void;
  width?: number | string;
}

const meta = {
  title: 'Widgets/CampaignProgress',
  component: CampaignProgress,
  args: { campaignId: campaignFixtures.running.id },
  render: (args, context) => {
    const parameters = (context.parameters.reachout ?? {}) as CampaignProgressStoryParameters;
    return (
      <CampaignStory options={parameters.options} setup={parameters.setup} width={parameters.width}>
        <CampaignProgress {...args} />
      </CampaignStory>
    );
  },
  parameters: {
    docs: {
      description: {
        component:
          'One campaign as it goes out: status, progress bar and counts (live from `campaign.updated`), "Pause", "Resume", "Cancel campaign" (asks first; what was sent stays sent), and the "Recipients" table, virtualized and filterable by status, with reasons in words.',
      },
    },
  },
} satisfies Meta<typeof CampaignProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

const shown = async (canvasElement: HTMLElement, name: string) => {
  await within(canvasElement).findByRole('heading', { name }, { timeout: 5000 });
  await within(canvasElement).findAllByRole('row', {}, { timeout: 5000 });
};

export const Running: Story = {
  play: async ({ canvasElement }) => shown(canvasElement, campaignFixtures.running.name),
};

/** Moving on its own, as a server's queue would: a step a second at 80 messages a second. */
export const Live: Story = {
  parameters: { reachout: { options: { campaignStepMs: 1000 } } },
  play: async ({ canvasElement }) => shown(canvasElement, campaignFixtures.running.name),
};

export const Scheduled: Story = {
  args: { campaignId: campaignFixtures.scheduled.id },
  play: async ({ canvasElement }) => shown(canvasElement, campaignFixtures.scheduled.name),
};

export const Paused: Story = {
  args: { campaignId: campaignFixtures.paused.id },
  play: async ({ canvasElement }) => shown(canvasElement, campaignFixtures.paused.name),
};

/** Completed with failures: the recipients filtered to the failures, reasons in words. */
export const CompletedWithFailures: Story = {
  args: { campaignId: campaignFixtures.completed.id, defaultRecipientStatus: 'failed' },
  play: async ({ canvasElement }) => {
    await shown(canvasElement, campaignFixtures.completed.name);
    await expect(
      (await within(canvasElement).findAllByText('Not delivered: the number can’t receive WhatsApp messages')).length,
    ).toBeGreaterThan(0);
  },
};

export const Cancelled: Story = {
  args: { campaignId: campaignFixtures.cancelled.id },
  play: async ({ canvasElement }) => shown(canvasElement, campaignFixtures.cancelled.name),
};

export const Loading: Story = {
  parameters: { reachout: { options: { latencyMs: 60_000 } } },
};

/** A host's provider without campaign methods: the widget says so. */
export const ProviderWithoutCampaigns: Story = {
  parameters: { reachout: { options: { supported: false } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Campaigns aren’t available');
  },
};

/** The campaign could not be loaded: the reason in words, and Retry. */
export const ProviderError: Story = {
  parameters: {
    reachout: { setup: (provider: CampaignStoryProvider) => provider.control.failNext('getCampaign', new ReachoutError('NOT_FOUND', 'No such campaign')) },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert', {}, { timeout: 8000 })).toHaveTextContent('The campaign couldn’t be loaded');
  },
};

/** Every campaign call takes 1.5 s. */
export const SlowNetwork: Story = {
  parameters: { reachout: { options: { latencyMs: 1500 } } },
  play: async ({ canvasElement }) => shown(canvasElement, campaignFixtures.running.name),
};

export const Mobile: Story = { ...Running, parameters: { reachout: { width: 390 } } };
export const Dark: Story = { ...Running, globals: { theme: 'dark' } };
export const DarkCompletedWithFailures: Story = { ...CompletedWithFailures, globals: { theme: 'dark' } };
export const RightToLeft: Story = { ...Paused, globals: { dir: 'rtl' } };
