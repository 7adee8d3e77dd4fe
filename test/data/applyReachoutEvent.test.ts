import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Chat, Contact, Page, Ticket, TimelineEvent } from '../../src/core/types';
import { applyReachoutEvent } from '../../src/data/applyReachoutEvent';
import type { PagedData } from '../../src/data/internal/pages';
import { reachoutKeys } from '../../src/data/reachoutKeys';
import { chat, contact, page, ticket, timelineEvent } from './fixtures';

function paged<T>(...pages: Page<T>[]): PagedData<T> {
  return { pages, pageParams: pages.map((_, index) => (index === 0 ? null : `cursor-${index}`)) };
}

function ids<T extends { id: string }>(data: PagedData<T> | undefined): string[][] {
  return data?.pages.map((item) => item.items.map((entry) => entry.id)) ?? [];
}

describe('applyReachoutEvent', () => {
  describe('ticket.updated', () => {
    it('replaces the ticket in its detail and in the page holding it, without touching the others', () => {
      const queryClient = new QueryClient();
      const first = ticket({ id: 't1', createdAt: '2026-03-02T00:00:00Z' });
      const second = ticket({ id: 't2', createdAt: '2026-03-01T00:00:00Z' });
      const listBefore = paged(page([first], 'next'), page([second]));
      queryClient.setQueryData(reachoutKeys.tickets.list('contact-1'), listBefore);
      queryClient.setQueryData(reachoutKeys.tickets.detail('t2'), second);
      const updated = { ...second, status: 'failed' as const };

      applyReachoutEvent(queryClient, { type: 'ticket.updated', ticket: updated });

      const list = queryClient.getQueryData<PagedData<Ticket>>(reachoutKeys.tickets.list('contact-1'));
      expect(list?.pages[1]?.items[0]).toEqual(updated);
      expect(list?.pages[0]).toBe(listBefore.pages[0]);
      expect(listBefore.pages[1]?.items[0]).toBe(second);
      expect(queryClient.getQueryData(reachoutKeys.tickets.detail('t2'))).toEqual(updated);
    });

    it('puts a new ticket first, counting it in the total', () => {
      const queryClient = new QueryClient();
      const existing = ticket({ id: 'old', createdAt: '2026-03-01T00:00:00Z' });
      queryClient.setQueryData(reachoutKeys.tickets.list('contact-1'), paged(page([existing], null, 1)));
      const created = ticket({ id: 'new', createdAt: '2026-03-05T00:00:00Z' });

      applyReachoutEvent(queryClient, { type: 'ticket.updated', ticket: created });

      const list = queryClient.getQueryData<PagedData<Ticket>>(reachoutKeys.tickets.list('contact-1'));
      expect(ids(list)).toEqual([['new', 'old']]);
      expect(list?.pages[0]?.total).toBe(2);
    });

    it('leaves a ticket older than every loaded one to the page not fetched yet', () => {
      const queryClient = new QueryClient();
      const loaded = paged(page([ticket({ id: 'recent', createdAt: '2026-03-05T00:00:00Z' })], 'more'));
      queryClient.setQueryData(reachoutKeys.tickets.list('contact-1'), loaded);

      applyReachoutEvent(queryClient, { type: 'ticket.updated', ticket: ticket({ id: 'ancient', createdAt: '2020-01-01T00:00:00Z' }) });

      expect(queryClient.getQueryData(reachoutKeys.tickets.list('contact-1'))).toBe(loaded);
    });

    it('touches only the ticket\'s own contact\'s list', () => {
      const queryClient = new QueryClient();
      const otherList = paged(page([ticket({ id: 'x', contactId: 'contact-2' })]));
      queryClient.setQueryData(reachoutKeys.tickets.list('contact-2'), otherList);

      applyReachoutEvent(queryClient, { type: 'ticket.updated', ticket: ticket({ id: 'y', contactId: 'contact-1' }) });

      expect(queryClient.getQueryData(reachoutKeys.tickets.list('contact-2'))).toBe(otherList);
      expect(queryClient.getQueryData(reachoutKeys.tickets.list('contact-1'))).toBeUndefined();
    });
  });

  describe('chat.updated', () => {
    it('replaces the chat in its list, or prepends it when new', () => {
      const queryClient = new QueryClient();
      const existing = chat({ id: 'c1', status: 'open' });
      queryClient.setQueryData(reachoutKeys.chats('contact-1'), paged(page([existing])));

      applyReachoutEvent(queryClient, { type: 'chat.updated', chat: { ...existing, status: 'resolved' } });
      applyReachoutEvent(queryClient, { type: 'chat.updated', chat: chat({ id: 'c2', status: 'queued' }) });

      const list = queryClient.getQueryData<PagedData<Chat>>(reachoutKeys.chats('contact-1'));
      expect(list?.pages[0]?.items.map((item) => [item.id, item.status])).toEqual([
        ['c2', 'queued'],
        ['c1', 'resolved'],
      ]);
    });

    it('sets the active chat when the chat is open, assigned or queued', () => {
      const queryClient = new QueryClient();
      queryClient.setQueryData(reachoutKeys.activeChat('contact-1'), null);
      const assigned = chat({ id: 'c1', status: 'assigned' });

      applyReachoutEvent(queryClient, { type: 'chat.updated', chat: assigned });

      expect(queryClient.getQueryData(reachoutKeys.activeChat('contact-1'))).toBe(assigned);
    });

    it('clears the active chat when that chat ends, and keeps it when another chat ends', () => {
      const queryClient = new QueryClient();
      const active = chat({ id: 'c1', status: 'open' });
      queryClient.setQueryData(reachoutKeys.activeChat('contact-1'), active);

      applyReachoutEvent(queryClient, { type: 'chat.updated', chat: chat({ id: 'c-old', status: 'closed' }) });
      expect(queryClient.getQueryData(reachoutKeys.activeChat('contact-1'))).toBe(active);

      applyReachoutEvent(queryClient, { type: 'chat.updated', chat: { ...active, status: 'resolved' } });
      expect(queryClient.getQueryData(reachoutKeys.activeChat('contact-1'))).toBeNull();
    });
  });

  describe('contact.created', () => {
    it('seeds the contact\'s detail and marks every contacts list for refetching', () => {
      const queryClient = new QueryClient();
      queryClient.setQueryData(reachoutKeys.contacts.list(''), paged(page([contact()])));
      queryClient.setQueryData(reachoutKeys.contacts.list('ada'), paged(page([contact()])));
      const created = contact({ id: 'new' });

      applyReachoutEvent(queryClient, { type: 'contact.created', contact: created });

      expect(queryClient.getQueryData(reachoutKeys.contacts.detail('new'))).toBe(created);
      expect(queryClient.getQueryState(reachoutKeys.contacts.list(''))?.isInvalidated).toBe(true);
      expect(queryClient.getQueryState(reachoutKeys.contacts.list('ada'))?.isInvalidated).toBe(true);
    });
  });

  describe('contact.updated', () => {
    it('replaces the contact in its detail and in every list showing it', () => {
      const queryClient = new QueryClient();
      const original = contact({ id: 'c1', name: 'Ada' });
      const untouched = paged(page([contact({ id: 'other' })]));
      queryClient.setQueryData(reachoutKeys.contacts.list(''), paged(page([contact({ id: 'c0' }), original])));
      queryClient.setQueryData(reachoutKeys.contacts.list('ada'), paged(page([original])));
      queryClient.setQueryData(reachoutKeys.contacts.list('zed'), untouched);
      const renamed = { ...original, name: 'Ada King' };

      applyReachoutEvent(queryClient, { type: 'contact.updated', contact: renamed });

      expect(queryClient.getQueryData<PagedData<Contact>>(reachoutKeys.contacts.list(''))?.pages[0]?.items[1]).toEqual(renamed);
      expect(queryClient.getQueryData<PagedData<Contact>>(reachoutKeys.contacts.list('ada'))?.pages[0]?.items[0]).toEqual(renamed);
      expect(queryClient.getQueryData(reachoutKeys.contacts.list('zed'))).toBe(untouched);
      expect(queryClient.getQueryData(reachoutKeys.contacts.detail('c1'))).toEqual(renamed);
      expect(original.name).toBe('Ada');
    });
  });

  describe('contacts.imported', () => {
    it('marks every contacts list for refetching once, updates cached details and listed updated contacts, and seeds no new details', () => {
      const queryClient = new QueryClient();
      const ada = contact({ id: 'c1', name: 'Ada' });
      const bob = contact({ id: 'c2', name: 'Bob' });
      const untouched = page([contact({ id: 'other' })]);
      queryClient.setQueryData(reachoutKeys.contacts.list(''), paged(page([ada]), untouched, page([bob])));
      queryClient.setQueryData(reachoutKeys.contacts.detail('c1'), ada);
      const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
      const updatedAda = { ...ada, name: 'Ada King' };
      const updatedBob = { ...bob, name: 'Bob Ross' };

      applyReachoutEvent(queryClient, { type: 'contacts.imported', created: [contact({ id: 'new-1' }), contact({ id: 'new-2' })], updated: [updatedAda, updatedBob] });

      expect(invalidate).toHaveBeenCalledTimes(1);
      expect(queryClient.getQueryState(reachoutKeys.contacts.list(''))?.isInvalidated).toBe(true);
      const list = queryClient.getQueryData<PagedData<Contact>>(reachoutKeys.contacts.list(''));
      expect(list?.pages[0]?.items[0]).toEqual(updatedAda);
      expect(list?.pages[1]).toBe(untouched);
      expect(list?.pages[2]?.items[0]).toEqual(updatedBob);
      expect(queryClient.getQueryData(reachoutKeys.contacts.detail('c1'))).toEqual(updatedAda);
      expect(queryClient.getQueryData(reachoutKeys.contacts.detail('c2'))).toBeUndefined();
      expect(queryClient.getQueryData(reachoutKeys.contacts.detail('new-1'))).toBeUndefined();
    });
  });

  describe('timeline.added', () => {
    it('prepends the event to the first page, once', () => {
      const queryClient = new QueryClient();
      queryClient.setQueryData(reachoutKeys.timeline('contact-1'), paged(page([timelineEvent({ id: 'e1' })], 'more'), page([timelineEvent({ id: 'e0' })])));
      const added = timelineEvent({ id: 'e2' });

      applyReachoutEvent(queryClient, { type: 'timeline.added', event: added });
      applyReachoutEvent(queryClient, { type: 'timeline.added', event: added });

      expect(ids(queryClient.getQueryData<PagedData<TimelineEvent>>(reachoutKeys.timeline('contact-1')))).toEqual([
        ['e2', 'e1'],
        ['e0'],
      ]);
    });

    it('creates no timeline for a contact nobody is looking at', () => {
      const queryClient = new QueryClient();
      applyReachoutEvent(queryClient, { type: 'timeline.added', event: timelineEvent({ contactId: 'contact-9' }) });
      expect(queryClient.getQueryData(reachoutKeys.timeline('contact-9'))).toBeUndefined();
    });
  });

  describe('reset', () => {
    it('invalidates every Reachout query, leaves the host’s own queries alone, and refetches the ones in use', async () => {
      const queryClient = new QueryClient();
      queryClient.setQueryData(reachoutKeys.contacts.list(''), paged(page([contact({ id: 'c1' })])));
      queryClient.setQueryData(reachoutKeys.tickets.detail('t1'), ticket({ id: 't1' }));
      queryClient.setQueryData(reachoutKeys.activeChat('contact-1'), chat({ id: 'chat-1' }));
      queryClient.setQueryData(['host', 'settings'], { theme: 'dark' });
      let fetches = 0;
      const observer = new QueryObserver(queryClient, {
        queryKey: reachoutKeys.timeline('contact-1'),
        queryFn: async () => {
          fetches += 1;
          return paged(page([timelineEvent({ id: `e${fetches}` })]));
        },
        staleTime: Infinity,
      });
      const unsubscribe = observer.subscribe(() => {});
      await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));

      applyReachoutEvent(queryClient, { type: 'reset' });

      await vi.waitFor(() => expect(fetches).toBe(2));
      for (const key of [reachoutKeys.contacts.list(''), reachoutKeys.tickets.detail('t1'), reachoutKeys.activeChat('contact-1')]) {
        expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
      }
      expect(queryClient.getQueryState(['host', 'settings'])?.isInvalidated).toBe(false);
      unsubscribe();
    });
  });

  it('ignores an event type it does not know', () => {
    const queryClient = new QueryClient();
    const unknownEvent = { type: 'agent.updated', agent: {} } as unknown as Parameters<typeof applyReachoutEvent>[1];
    expect(() => applyReachoutEvent(queryClient, unknownEvent)).not.toThrow();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe('applyReachoutEvent on messages', () => {
  const message = (id: string, at: string, status: 'sent' | 'read' = 'sent') => ({
    id,
    chatId: 'chat-1',
    contactId: 'contact-1',
    direction: 'outbound' as const,
    kind: 'text' as const,
    text: id,
    author: null,
    status,
    failureReason: null,
    at,
  });

  it('inserts message.added newest first, once, and replaces the message on message.updated', () => {
    const queryClient = new QueryClient();
    const older = message('m1', '2026-03-01T10:00:00Z');
    queryClient.setQueryData(reachoutKeys.messages.list('chat-1'), paged(page([older])));
    const newer = message('m2', '2026-03-01T10:05:00Z');
    applyReachoutEvent(queryClient, { type: 'message.added', message: newer });
    applyReachoutEvent(queryClient, { type: 'message.added', message: newer });
    applyReachoutEvent(queryClient, { type: 'message.updated', message: { ...older, status: 'read' } });
    const data = queryClient.getQueryData<PagedData<ReturnType<typeof message>>>(reachoutKeys.messages.list('chat-1'));
    expect(ids(data)).toEqual([['m2', 'm1']]);
    expect(data?.pages[0]?.items[1]?.status).toBe('read');
  });
});
