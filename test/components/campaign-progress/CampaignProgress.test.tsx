import '../../../src/styles.css';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRef } from 'react';
import { CampaignProgress } from '../../../src/components/campaign-progress';
import { ReachoutError } from '../../../src/core';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { campaignFixtures, createCampaignProvider } from '../../../stories/support/campaignProvider';
import type { CampaignProviderOptions } from '../../../stories/support/campaignProvider';

afterEach(() => {
  cleanup();
});

async function renderProgress(campaignId: string, options: CampaignProviderOptions = {}) {
  const provider = await createCampaignProvider(options);
  const user = userEvent.setup();
  const queryClient = createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ReachoutProvider dataProvider={provider} queryClient={queryClient}>
      <div style={{ inlineSize: 800 }}>
        <CampaignProgress campaignId={campaignId} />
      </div>
    </ReachoutProvider>,
  );
  return { provider, user };
}

const format = (value: number) => value.toLocaleString('en');
const progressBar = () => screen.getByRole('progressbar', { name: 'Campaign progress' });
const count = (label: string) =>
  screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
const recipientsTable = () => screen.getByRole('table', { name: 'Recipients' });
const recipientRows = () => within(recipientsTable()).getAllByRole('row').slice(1);

describe('CampaignProgress', () => {
  it('shows the status, the progress bar and the counts of a running campaign', async () => {
    const { provider } = await renderProgress(campaignFixtures.running.id);
    const { counts } = await provider.getCampaign({ id: campaignFixtures.running.id });
    // The seeded campaign is part way, with skips and failures among those whose turn came.
    expect(counts.total).toBe(2400);
    for (const part of ['queued', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const) expect(counts[part]).toBeGreaterThan(0);
    expect(await screen.findByRole('heading', { name: 'Order delays, week 48' })).toBeTruthy();
    expect(screen.getByText('Sending')).toBeTruthy();
    const done = counts.total - counts.queued;
    expect(progressBar().getAttribute('aria-valuenow')).toBe(String(Math.floor((done / counts.total) * 100)));
    expect(progressBar().getAttribute('aria-valuetext')).toBe(`${format(done)} of 2,400 recipients done`);
    expect(count('Queued')).toBe(format(counts.queued));
    expect(count('Sent')).toBe(format(counts.sent));
    expect(count('Delivered')).toBe(format(counts.delivered));
    expect(count('Read')).toBe(format(counts.read));
    expect(count('Failed')).toBe(format(counts.failed));
    expect(count('Skipped')).toBe(format(counts.skipped));
  });

  it('updates the counts live from campaign.updated', async () => {
    const { provider } = await renderProgress(campaignFixtures.running.id);
    await screen.findByRole('heading', { name: 'Order delays, week 48' });
    const before = (await provider.getCampaign({ id: campaignFixtures.running.id })).counts;
    act(() => {
      provider.control.advanceCampaigns({ turns: 100 });
    });
    await waitFor(() => expect(count('Queued')).toBe(format(before.queued - 100)));
    const after = (await provider.getCampaign({ id: campaignFixtures.running.id })).counts;
    expect(count('Sent')).toBe(format(after.sent));
    expect(count('Read')).toBe(format(after.read));
    expect(progressBar().getAttribute('aria-valuetext')).toBe(`${format(after.total - after.queued)} of 2,400 recipients done`);
    // Only the campaign was asked for once (the two asks above are the test's): the event carried the rest.
    expect(provider.control.calls.filter((call) => call.method === 'getCampaign')).toHaveLength(3);
  });

  it('pauses and resumes, sending the action to the provider', async () => {
    const { provider, user } = await renderProgress(campaignFixtures.running.id);
    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('Paused')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText('Sending')).toBeTruthy();
    expect(provider.control.calls.filter((call) => call.method === 'updateCampaign').map((call) => call.params)).toEqual([
      { id: campaignFixtures.running.id, action: 'pause' },
      { id: campaignFixtures.running.id, action: 'resume' },
    ]);
  });

  it('asks before cancelling, says what was sent stays sent, and "Keep sending" cancels nothing', async () => {
    const { provider, user } = await renderProgress(campaignFixtures.running.id);
    await user.click(await screen.findByRole('button', { name: 'Cancel campaign' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Cancel this campaign?' });
    expect(confirm.textContent).toContain('Messages already sent stay sent.');
    await user.click(within(confirm).getByRole('button', { name: 'Keep sending' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(provider.control.calls.some((call) => call.method === 'updateCampaign')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Cancel campaign' }));
    const sent = count('Sent');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel campaign' }));
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(count('Sent')).toBe(sent);
    expect(count('Queued')).toBe('0');
  });

  it('offers only what each status allows', async () => {
    await renderProgress(campaignFixtures.completed.id);
    await screen.findByRole('heading', { name: 'Black Friday follow-up' });
    expect(screen.queryByRole('button', { name: /Pause|Resume|Cancel campaign/ })).toBeNull();
    cleanup();
    await renderProgress(campaignFixtures.scheduled.id);
    await screen.findByRole('heading', { name: 'December newsletter' });
    expect(screen.getByText(/Starts [A-Z][a-z]{2} \d{1,2}, \d{4}/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel campaign' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
  });

  it('lists the recipients in a virtualized table, filtered by status, with failure reasons in words', async () => {
    const { provider, user } = await renderProgress(campaignFixtures.running.id);
    await waitFor(() => expect(recipientRows().length).toBeGreaterThan(0));
    // 2,400 recipients, a bounded DOM.
    expect(recipientsTable().getAttribute('aria-rowcount')).toBe('2401');
    expect(recipientRows().length).toBeLessThan(40);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    await waitFor(() => expect(recipientRows().every((row) => row.getAttribute('data-status') === 'failed')).toBe(true));
    const { counts } = await provider.getCampaign({ id: campaignFixtures.running.id });
    expect(recipientsTable().getAttribute('aria-rowcount')).toBe(String(counts.failed + 1));
    const reasons = recipientRows().map((row) => row.querySelector('[data-column="reason"]')?.textContent);
    expect(new Set(reasons)).toEqual(new Set(['Not delivered: the number can’t receive WhatsApp messages']));
    const lastCall = provider.control.calls.filter((call) => call.method === 'listCampaignRecipients').at(-1);
    expect(lastCall?.params).toEqual({ campaignId: campaignFixtures.running.id, status: 'failed', cursor: null, limit: 100 });
  });

  it('renders again only the rows whose recipient moved when campaign.updated arrives', async () => {
    const provider = await createCampaignProvider();
    render(
      <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
        <div style={{ inlineSize: 800 }}>
          <CampaignProgress campaignId={campaignFixtures.running.id} defaultRecipientStatus="failed" />
        </div>
      </ReachoutProvider>,
    );
    await waitFor(() => expect(recipientRows().length).toBeGreaterThan(3));
    const shown = recipientRows().length;
    // Each row formats its time when it renders (`format` is a getter of a bound function).
    const format = vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { format: unknown }, 'format', 'get');
    act(() => {
      provider.control.advanceCampaigns({ turns: 80 });
    });
    const { counts } = await provider.getCampaign({ id: campaignFixtures.running.id });
    await waitFor(() => expect(count('Queued')).toBe(counts.queued.toLocaleString('en')));
    await waitFor(() => expect(provider.control.calls.filter((call) => call.method === 'listCampaignRecipients')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The failed rows on screen did not move (new failures come later in the list): none rendered again.
    expect(recipientRows().length).toBe(shown);
    expect(format).not.toHaveBeenCalled();
    format.mockRestore();
  });

  it('says in words why a cancelled campaign skipped its unsent recipients', async () => {
    const provider = await createCampaignProvider();
    render(
      <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
        <div style={{ inlineSize: 800 }}>
          <CampaignProgress campaignId={campaignFixtures.cancelled.id} defaultRecipientStatus="skipped" />
        </div>
      </ReachoutProvider>,
    );
    await waitFor(() => expect(recipientRows().length).toBeGreaterThan(0));
    const reasons = recipientRows().map((row) => row.querySelector('[data-column="reason"]')?.textContent);
    expect(reasons).toContain('Skipped: the campaign was cancelled');
  });

  it('says so when the data provider has no campaign methods', async () => {
    await renderProgress('campaign-running', { supported: false });
    expect(screen.getByRole('status').textContent).toBe('Campaigns aren’t available: this data provider doesn’t offer them.');
  });

  it('explains a failure to load in plain words, and Retry loads it', async () => {
    const provider = await createCampaignProvider();
    provider.control.failNext('getCampaign', new ReachoutError('NETWORK', 'offline'));
    const user = userEvent.setup();
    render(
      <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <CampaignProgress campaignId={campaignFixtures.paused.id} />
      </ReachoutProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The campaign couldn’t be loaded');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Store reopening' })).toBeTruthy();
  });
});

describe('CampaignProgress parts', () => {
  it('recompose: props spread, classes merged, refs forwarded, unstyled drops our classes', async () => {
    const provider = await createCampaignProvider();
    const barRef = createRef<HTMLDivElement>();
    render(
      <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
        <CampaignProgress.Root campaignId={campaignFixtures.paused.id} className="host-root">
          <CampaignProgress.Bar ref={barRef} className="host-bar" data-testid="bar" />
          <CampaignProgress.Actions unstyled data-testid="actions" />
        </CampaignProgress.Root>
      </ReachoutProvider>,
    );
    const bar = await screen.findByTestId('bar');
    expect(barRef.current).toBe(bar);
    expect(bar.className).toBe('reachout-campaign-progress__progress host-bar');
    expect(bar.closest('section')?.className).toBe('reachout-campaign-progress host-root');
    const actions = screen.getByTestId('actions');
    expect(actions.className).toBe('');
    expect(within(actions).getByRole('button', { name: 'Resume' }).className).toBe('');
    // Only the parts asked for: no recipients table, no counts.
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says which part is outside its Root', () => {
    expect(() => render(<CampaignProgress.Counts />)).toThrow('<CampaignProgress.Counts> must be used inside <CampaignProgress.Root>');
  });
});
