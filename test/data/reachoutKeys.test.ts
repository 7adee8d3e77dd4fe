import { matchQuery, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { reachoutKeys } from '../../src/data/reachoutKeys';

describe('reachoutKeys', () => {
  it('treats an absent search and an empty one as the same list', () => {
    expect(reachoutKeys.contacts.list()).toEqual(reachoutKeys.contacts.list(''));
    expect(reachoutKeys.agents()).toEqual(reachoutKeys.agents(''));
  });

  it('nests every key under its prefixes, so invalidating a prefix reaches them', () => {
    const queryClient = new QueryClient();
    const query = queryClient.getQueryCache().build(queryClient, { queryKey: reachoutKeys.contacts.list('ada') });
    expect(matchQuery({ queryKey: reachoutKeys.contacts.lists }, query)).toBe(true);
    expect(matchQuery({ queryKey: reachoutKeys.contacts.all }, query)).toBe(true);
    expect(matchQuery({ queryKey: reachoutKeys.all }, query)).toBe(true);
    expect(matchQuery({ queryKey: reachoutKeys.tickets.all }, query)).toBe(false);
  });

  it('keeps one contact\'s tickets apart from another\'s', () => {
    expect(reachoutKeys.tickets.list('a')).not.toEqual(reachoutKeys.tickets.list('b'));
    expect(reachoutKeys.templates.list('sender-1', 'x')).not.toEqual(reachoutKeys.templates.list('sender-2', 'x'));
  });
});
