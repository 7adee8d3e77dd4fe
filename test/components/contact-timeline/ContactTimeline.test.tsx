import '../../../src/styles.css';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactTimeline } from '../../../src/components/contact-timeline';
import type { ContactTimelineProps } from '../../../src/components/contact-timeline';
import { ReachoutError } from '../../../src/core';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createMemoryProvider, fixtures } from '../../../src/testing';
import type { MemoryProvider } from '../../../src/testing';

afterEach(() => {
  cleanup();
});

const priya = 'contact-priya-sharma';

function renderTimeline(options: { contactId?: string; props?: Partial<ContactTimelineProps>; setup?: (provider: MemoryProvider) => void } = {}) {
  const provider = createMemoryProvider();
  options.setup?.(provider);
  const queryClient = createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ReachoutProvider dataProvider={provider} queryClient={queryClient}>
      <ContactTimeline contactId={options.contactId ?? priya} {...options.props} />
    </ReachoutProvider>,
  );
  return { provider, user: userEvent.setup() };
}

const list = () => screen.getByRole('list', { name: 'Timeline' });
const eventIds = () => within(list()).getAllByRole('listitem').map((item) => item.getAttribute('data-event-id'));
// The provider's own order (ties in time keep their insertion order).
const priyaEventsNewestFirst = (await createMemoryProvider().listTimeline({ contactId: priya, limit: 100 })).items.map(
  (event) => event.id,
);

describe('ContactTimeline', () => {
  it('lists the contact’s events newest first in an ordered list, with what happened and when', async () => {
    renderTimeline();
    await waitFor(() => expect(eventIds()).toEqual(priyaEventsNewestFirst));
    expect(list().tagName).toBe('OL');
    const failed = within(list()).getAllByRole('listitem')[0]!;
    expect(failed.getAttribute('data-type')).toBe('notification.failed');
    expect(within(failed).getByText('Notification failed')).toBeTruthy();
    expect(failed.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const time = failed.querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe('2026-02-14T08:01:30.000Z');
    expect(time?.textContent).toMatch(/ago$/);
  });

  it('says each event once: a text that only restates the title is left out, one that adds to it stays', async () => {
    renderTimeline();
    await waitFor(() => expect(eventIds()).toEqual(priyaEventsNewestFirst));
    const created = list().querySelector<HTMLElement>('[data-event-id="event-priya-created"]') as HTMLElement;
    expect(created.querySelector('[data-slot="contact-timeline-body"]')?.textContent).toBe('Contact created');
    const verified = list().querySelector<HTMLElement>('[data-type="notification.verified"]') as HTMLElement;
    expect(verified.textContent).toContain('Number verified');
    expect(verified.textContent).toContain('the notification was sent');
  });

  it('does not repeat "Read" as "Notification read"', async () => {
    const read = { id: 'event-priya-read', contactId: priya, type: 'notification.read' as const, at: '2026-03-01T10:00:00.000Z', text: 'Notification read' };
    const provider = createMemoryProvider({ timeline: [...fixtures.timeline, read] });
    render(
      <ReachoutProvider dataProvider={provider}>
        <ContactTimeline contactId={priya} />
      </ReachoutProvider>,
    );
    const item = await waitFor(() => list().querySelector<HTMLElement>('[data-event-id="event-priya-read"]') as HTMLElement);
    expect(item.querySelector('[data-slot="contact-timeline-body"]')?.textContent).toBe('Read');
  });

  it('shows a new event at the top live, and announces it politely', async () => {
    const { provider } = renderTimeline();
    await waitFor(() => expect(eventIds()).toEqual(priyaEventsNewestFirst));
    const calls = provider.control.calls.length;
    act(() => {
      provider.control.receiveReply(priya, 'Is my order coming today?');
    });
    await waitFor(() => expect(eventIds()).toHaveLength(priyaEventsNewestFirst.length + 1));
    const newest = within(list()).getAllByRole('listitem')[0]!;
    expect(newest.getAttribute('data-type')).toBe('customer.replied');
    expect(newest.textContent).toContain('Is my order coming today?');
    expect(screen.getByRole('status').textContent).toBe('Customer replied: Is my order coming today?');
    expect(provider.control.calls.length).toBe(calls);
  });

  it('announces nothing for the first page', async () => {
    renderTimeline();
    await waitFor(() => expect(eventIds()).toEqual(priyaEventsNewestFirst));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('loads older events with the cursor when "Load more" is pressed', async () => {
    const { provider, user } = renderTimeline({ props: { pageSize: 5 } });
    await waitFor(() => expect(eventIds()).toEqual(priyaEventsNewestFirst.slice(0, 5)));
    const firstPage = await createMemoryProvider().listTimeline({ contactId: priya, limit: 5 });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(eventIds()).toEqual(priyaEventsNewestFirst.slice(0, 10)));
    const params = provider.control.calls.filter((call) => call.method === 'listTimeline').map((call) => call.params);
    expect(params).toEqual([
      { contactId: priya, cursor: null, limit: 5 },
      { contactId: priya, cursor: firstPage.nextCursor, limit: 5 },
    ]);
  });

  it('says when nothing has happened, and explains a failure with Retry', async () => {
    renderTimeline({ contactId: 'contact-layla-haddad' });
    expect(await screen.findByText('Nothing has happened yet')).toBeTruthy();
    cleanup();
    const { user } = renderTimeline({
      setup: (provider) => provider.control.failNext('listTimeline', new ReachoutError('NETWORK', 'offline')),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The timeline couldn’t be loaded');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(eventIds()).toEqual(priyaEventsNewestFirst));
  });
});
