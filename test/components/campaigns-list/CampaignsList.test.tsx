import '../../../src/styles.css';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CampaignsList } from '../../../src/components/campaigns-list';
import type { Campaign } from '../../../src/core/types';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { campaignFixtures, createCampaignProvider } from '../../../stories/support/campaignProvider';
import type { CampaignProviderOptions } from '../../../stories/support/campaignProvider';

afterEach(() => {
  cleanup();
});

async function renderList(options: CampaignProviderOptions = {}, pageSize?: number) {
  const provider = await createCampaignProvider(options);
  const onSelect = vi.fn<(campaign: Campaign) => void>();
  render(
    <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
      <CampaignsList onSelect={onSelect} pageSize={pageSize} />
    </ReachoutProvider>,
  );
  return { provider, onSelect, user: userEvent.setup() };
}

const items = () =>
  within(screen.getByRole('region', { name: 'Campaigns' }))
    .queryAllByRole('button')
    .filter((button) => button.getAttribute('data-slot') === 'campaigns-list-item');

describe('CampaignsList', () => {
  it('lists the campaigns newest first, each with its status and progress', async () => {
    const { provider } = await renderList();
    await waitFor(() => expect(items()).toHaveLength(5));
    const { counts } = await provider.getCampaign({ id: campaignFixtures.running.id });
    expect(items().map((item) => item.querySelector('.reachout-campaigns-list__name')?.textContent)).toEqual([
      'December newsletter',
      'Order delays, week 48',
      'Store reopening',
      'Black Friday follow-up',
      'Survey (wrong link)',
    ]);
    expect(items()[1]?.textContent).toContain('Sending');
    expect(items()[1]?.textContent).toContain(`${(counts.total - counts.queued).toLocaleString('en')} of 2,400`);
    expect(items()[3]?.textContent).toContain('Completed');
  });

  it('calls onSelect with the campaign chosen', async () => {
    const { onSelect, user } = await renderList();
    await waitFor(() => expect(items()).toHaveLength(5));
    await user.click(items()[2] as HTMLElement);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: campaignFixtures.paused.id }));
  });

  it('loads older campaigns with "Load more"', async () => {
    const { user } = await renderList({}, 2);
    await waitFor(() => expect(items()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(items()).toHaveLength(4));
  });

  it('updates a campaign live from campaign.updated', async () => {
    const { provider } = await renderList();
    await waitFor(() => expect(items()).toHaveLength(5));
    act(() => {
      provider.control.advanceCampaigns();
    });
    await waitFor(() => expect(items()[1]?.textContent).toContain('Completed'));
    expect(items()[1]?.textContent).toContain('2,400 of 2,400');
  });

  it('says when there are no campaigns, and when the provider has none to offer', async () => {
    await renderList({ seeded: false });
    expect(await screen.findByText('No campaigns yet')).toBeTruthy();
    cleanup();
    await renderList({ supported: false });
    expect(screen.getByRole('status').textContent).toBe('Campaigns aren’t available: this data provider doesn’t offer them.');
  });
});
