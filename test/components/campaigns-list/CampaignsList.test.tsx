import '../../../src/styles.css';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRef } from 'react';
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

describe('CampaignsList parts', () => {
  it('recompose: props spread, classes merged, refs forwarded, unstyled drops our classes, host clicks composed', async () => {
    const provider = await createCampaignProvider();
    const onSelect = vi.fn<(campaign: Campaign) => void>();
    const itemsRef = createRef<HTMLUListElement>();
    const loadMoreRef = createRef<HTMLButtonElement>();
    const user = userEvent.setup();
    render(
      <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
        <CampaignsList.Root onSelect={onSelect} pageSize={2} className="host-root" data-testid="root">
          <CampaignsList.Items ref={itemsRef} className="host-items" data-testid="items">
            {(campaign) => (
              <CampaignsList.Item
                key={campaign.id}
                campaign={campaign}
                unstyled
                onClick={(event) => {
                  if (campaign.status === 'scheduled') event.preventDefault();
                }}
              />
            )}
          </CampaignsList.Items>
          <CampaignsList.LoadMore ref={loadMoreRef} className="host-more" />
        </CampaignsList.Root>
      </ReachoutProvider>,
    );
    const list = await screen.findByTestId('items');
    expect(itemsRef.current).toBe(list);
    expect(list.className).toBe('reachout-campaigns-list__items host-items');
    expect(screen.getByTestId('root').className).toBe('reachout-campaigns-list host-root');
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items().map((item) => item.className)).toEqual(['', '']);
    // The host's handler runs first; preventDefault keeps ours from selecting.
    await user.click(items()[0] as HTMLElement);
    expect(onSelect).not.toHaveBeenCalled();
    await user.click(items()[1] as HTMLElement);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: campaignFixtures.running.id }));
    expect(loadMoreRef.current?.className).toBe('reachout-campaigns-list__more host-more');
    await user.click(loadMoreRef.current as HTMLButtonElement);
    await waitFor(() => expect(items()).toHaveLength(4));
    // Only the parts asked for: no empty note, no error.
    expect(screen.queryByText('No campaigns yet')).toBeNull();
  });

  it('shows Empty and Unsupported only in their states', async () => {
    const provider = await createCampaignProvider({ seeded: false });
    render(
      <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
        <CampaignsList.Root>
          <CampaignsList.Unsupported />
          <CampaignsList.Empty className="host-empty">Nothing sent yet</CampaignsList.Empty>
        </CampaignsList.Root>
      </ReachoutProvider>,
    );
    expect((await screen.findByText('Nothing sent yet')).className).toBe('reachout-campaigns-list__note host-empty');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says which part is outside its Root', () => {
    expect(() => render(<CampaignsList.LoadMore />)).toThrow('<CampaignsList.LoadMore> must be used inside <CampaignsList.Root>');
  });
});
