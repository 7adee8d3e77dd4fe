import '../../../src/styles.css';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CampaignWizard } from '../../../src/components/campaign-wizard';
import type { CampaignWizardProps } from '../../../src/components/campaign-wizard';
import type { Campaign, CampaignInput } from '../../../src/core/types';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createCampaignProvider } from '../../../stories/support/campaignProvider';
import type { CampaignProviderOptions } from '../../../stories/support/campaignProvider';
import { zonedTimeToIso } from '../../../src/components/campaign-wizard/scheduleTime';

afterEach(() => {
  cleanup();
});

const fixedNow = () => new Date('2026-12-05T12:00:00Z');

async function renderWizard(props: Partial<CampaignWizardProps> = {}, options: CampaignProviderOptions = {}) {
  const provider = await createCampaignProvider({ seeded: false, ...options });
  const onCreated = vi.fn<(campaign: Campaign) => void>();
  const user = userEvent.setup();
  function Host() {
    const [open, setOpen] = useState(true);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Open wizard
        </button>
        <CampaignWizard open={open} onOpenChange={setOpen} now={fixedNow} onCreated={onCreated} {...props} />
      </>
    );
  }
  render(
    <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
      <Host />
    </ReachoutProvider>,
  );
  return { provider, onCreated, user };
}

const dialog = () => screen.getByRole('dialog', { name: 'Create campaign' });
const next = () => within(dialog()).getByRole('button', { name: 'Next' });
const createCalls = (provider: Awaited<ReturnType<typeof createCampaignProvider>>) =>
  provider.control.calls.filter((call) => call.method === 'createCampaign').map((call) => (call.params as { input: CampaignInput }).input);

async function fillUpToSchedule(user: ReturnType<typeof userEvent.setup>) {
  await user.type(within(dialog()).getByRole('textbox', { name: 'Campaign name' }), 'Shipping news');
  await user.click(next());
  await user.click(await within(dialog()).findByRole('radio', { name: /order_update/ }));
  await user.click(next());
  await user.type(within(dialog()).getByRole('textbox', { name: /^Header/ }), 'A-1');
  const bodyFields = within(dialog()).getAllByRole('textbox', { name: /^Body/ });
  // Body {{1}} comes from each recipient's first name; the other two are typed.
  await user.selectOptions(within(dialog()).getAllByRole('combobox', { name: /^Fill Body/ })[0] as HTMLElement, 'firstName');
  expect(within(dialog()).getByText('Filled in from each recipient’s contact when the message goes out.')).toBeTruthy();
  await user.type(bodyFields[1] as HTMLElement, 'DHL');
  await user.type(bodyFields[2] as HTMLElement, 'Friday');
  await user.click(next());
}

describe('CampaignWizard', () => {
  it('goes audience → template → content (a bound variable) → schedule (past refused) → review, and schedules one campaign per click', async () => {
    const audience = { contactIds: ['contact-ana-lima', 'contact-hugo-martin', 'contact-priya-sharma'] };
    const { provider, onCreated, user } = await renderWizard({ audience });
    expect(within(dialog()).getByText('3 selected contacts')).toBeTruthy();
    await fillUpToSchedule(user);

    await user.click(within(dialog()).getByRole('radio', { name: 'Schedule' }));
    const date = within(dialog()).getByLabelText('Date');
    const time = within(dialog()).getByLabelText('Time');
    await user.type(date, '2026-12-04');
    await user.type(time, '10:00');
    await user.selectOptions(within(dialog()).getByRole('combobox', { name: 'Time zone' }), 'Europe/Lisbon');
    await user.click(next());
    expect(within(dialog()).getByText('This time has passed. Choose a time in the future.')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    await user.clear(date);
    await user.type(date, '2026-12-20');
    await user.click(next());

    const preflight = await within(dialog()).findByText('Will send to 2 contacts');
    expect(preflight).toBeTruthy();
    expect(within(dialog()).getByText('1 skipped: 1 has an active chat')).toBeTruthy();
    expect(provider.control.calls.filter((call) => call.method === 'previewCampaign').map((call) => call.params)).toEqual([
      { audience, senderId: 'sender-support' },
    ]);
    const schedule = within(dialog()).getByRole('button', { name: 'Schedule campaign' });
    // A burst of clicks in one task: one campaign.
    schedule.click();
    schedule.click();
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    const inputs = createCalls(provider);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({
      name: 'Shipping news',
      senderId: 'sender-support',
      template: { name: 'order_update' },
      audience,
      bindings: { 'body.1': 'firstName' },
      scheduledAt: zonedTimeToIso('2026-12-20', '10:00', 'Europe/Lisbon'),
    });
    expect(inputs[0]?.scheduledAt).toBe('2026-12-20T10:00:00.000Z');
    expect(inputs[0]?.idempotencyKey).toEqual(expect.any(String));
    // The dialog closes once the campaign exists.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks for the audience when the host gives none: a search, or everyone', async () => {
    const { provider, user } = await renderWizard();
    const search = within(dialog()).getByRole('searchbox', { name: 'Search contacts' });
    expect(within(dialog()).getByText(/Every contact\./)).toBeTruthy();
    await user.type(search, 'example.com');
    expect(within(dialog()).getByText(/Every contact matching “example.com”/)).toBeTruthy();
    await fillUpToSchedule(user);
    await user.click(next());
    await within(dialog()).findByText('Will send to 3 contacts');
    await user.click(within(dialog()).getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(createCalls(provider)).toHaveLength(1));
    expect(createCalls(provider)[0]).toMatchObject({ audience: { search: 'example.com' }, scheduledAt: null });
  });

  it('refuses to leave a step with what is missing, saying what', async () => {
    const { user } = await renderWizard({ audience: { search: '' } });
    await user.click(next());
    const name = within(dialog()).getByRole('textbox', { name: 'Campaign name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog()).getByText('Give the campaign a name.')).toBeTruthy();
    await user.type(name, 'X');
    await user.click(next());
    await user.click(next());
    expect(within(dialog()).getByRole('alert').textContent).toBe('Choose a template.');
  });

  it('keeps the draft across close and reopen', async () => {
    const { user } = await renderWizard({ audience: { search: '' } });
    await user.type(within(dialog()).getByRole('textbox', { name: 'Campaign name' }), 'Kept');
    await user.click(next());
    await user.click(await within(dialog()).findByRole('radio', { name: /order_update/ }));
    await user.click(within(dialog()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open wizard' }));
    expect(within(dialog()).getByRole('radio', { name: /order_update/, checked: true })).toBeTruthy();
    await user.click(within(dialog()).getByRole('button', { name: 'Back' }));
    expect((within(dialog()).getByRole('textbox', { name: 'Campaign name' }) as HTMLInputElement).value).toBe('Kept');
  });

  it('says so when the data provider has no campaign methods', async () => {
    await renderWizard({}, { supported: false });
    expect(within(dialog()).getByRole('status').textContent).toBe('Campaigns aren’t available: this data provider doesn’t offer them.');
  });
});

describe('CampaignWizard parts', () => {
  it('recompose: the Trigger opens the Content (defaultOpen false), onOpenChange hears it, classes merge, refs forward', async () => {
    const provider = await createCampaignProvider({ seeded: false });
    const onOpenChange = vi.fn<(open: boolean) => void>();
    const triggerRef = createRef<HTMLButtonElement>();
    const contentRef = createRef<HTMLDivElement>();
    const user = userEvent.setup();
    render(
      <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
        <CampaignWizard.Root onOpenChange={onOpenChange} audience={{ search: '' }} now={fixedNow}>
          <CampaignWizard.Trigger ref={triggerRef} className="host-trigger" />
          <CampaignWizard.Content ref={contentRef} className="host-content" aria-describedby={undefined}>
            <CampaignWizard.Header />
            <CampaignWizard.Step />
            <p>Host note between the parts</p>
            <CampaignWizard.Footer unstyled data-testid="footer" />
          </CampaignWizard.Content>
        </CampaignWizard.Root>
      </ReachoutProvider>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(triggerRef.current?.className).toBe('reachout-template-steps__button host-trigger');
    await user.click(screen.getByRole('button', { name: 'Create campaign' }));
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(contentRef.current).toBe(dialog());
    expect(dialog().className).toBe('reachout-campaign-wizard host-content');
    expect(dialog().getAttribute('data-step')).toBe('audience');
    expect(within(dialog()).getByText('Host note between the parts')).toBeTruthy();
    // Only the parts asked for: no stepper.
    expect(dialog().querySelector('[data-slot="campaign-wizard-stepper"]')).toBeNull();
    const footer = screen.getByTestId('footer');
    expect(footer.className).toBe('');
    expect(within(footer).getByRole('button', { name: 'Next' }).className).toBe('');
    await user.type(within(dialog()).getByRole('textbox', { name: 'Campaign name' }), 'Parts');
    await user.click(within(footer).getByRole('button', { name: 'Next' }));
    expect(dialog().getAttribute('data-step')).toBe('template');
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a controlled Root follows open; Unsupported speaks only without campaign methods', async () => {
    const provider = await createCampaignProvider({ seeded: false, supported: false });
    render(
      <ReachoutProvider dataProvider={provider} queryClient={createReachoutQueryClient()}>
        <CampaignWizard.Root open>
          <CampaignWizard.Content aria-describedby={undefined}>
            <CampaignWizard.Header />
            <CampaignWizard.Unsupported className="host-note" />
            <CampaignWizard.Stepper />
            <CampaignWizard.Footer />
          </CampaignWizard.Content>
        </CampaignWizard.Root>
      </ReachoutProvider>,
    );
    expect(within(dialog()).getByRole('status').className).toBe('reachout-campaign-wizard__note host-note');
    expect(within(dialog()).queryByRole('button', { name: 'Next' })).toBeNull();
  });

  it('says which part is outside its Root', () => {
    expect(() => render(<CampaignWizard.Footer />)).toThrow('<CampaignWizard.Footer> must be used inside <CampaignWizard.Root>');
  });
});
