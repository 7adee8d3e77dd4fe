import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReachoutError } from '../../src/core/errors';
import type { ReachoutMessages } from '../../src/data/messages';
import { useMessages } from '../../src/data/useMessages';
import { createMockProvider, renderWithProvider } from './helpers';

afterEach(cleanup);

function renderMessages(options: { messages?: ReachoutMessages; locale?: string } = {}) {
  return renderWithProvider(() => useMessages(), { dataProvider: createMockProvider(), ...options }).result.current;
}

describe('useMessages', () => {
  it('answers the English defaults', () => {
    const { t, locale } = renderMessages();
    expect(locale).toBe('en');
    expect(t('contactList.search.label')).toBe('Search contacts');
    expect(t('wizard.submit')).toBe('Create ticket and send');
  });

  it('lets the host override any message, keeping the defaults for the rest', () => {
    const { t } = renderMessages({
      messages: { 'contactList.search.label': 'Buscar contatos', 'contactList.count': '{count, plural, one {# contato} other {# contatos}}' },
      locale: 'pt-BR',
    });
    expect(t('contactList.search.label')).toBe('Buscar contatos');
    expect(t('contactList.count', { count: 1200 })).toBe('1.200 contatos');
    expect(t('common.retry')).toBe('Retry');
  });

  it('formats plurals with exact matches first', () => {
    const { t } = renderMessages();
    expect(t('contactList.count', { count: 0 })).toBe('No contacts');
    expect(t('contactList.count', { count: 1 })).toBe('1 contact');
    expect(t('contactList.count', { count: 1234 })).toBe('1,234 contacts');
  });

  it('says how long ago or ahead a date is, choosing the unit', () => {
    const { formatRelativeTime } = renderMessages();
    const now = new Date('2026-03-10T12:00:00.000Z');
    expect(formatRelativeTime('2026-03-10T12:00:00.000Z', now)).toBe('now');
    expect(formatRelativeTime('2026-03-10T11:55:00.000Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-03-10T09:00:00.000Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-03-09T12:00:00.000Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-02-10T12:00:00.000Z', now)).toBe('last month');
    expect(formatRelativeTime('2026-03-10T14:00:00.000Z', now)).toBe('in 2 hours');
    expect(formatRelativeTime('2024-03-10T12:00:00.000Z', now)).toBe('2 years ago');
  });

  it('formats relative times in the provider\'s locale', () => {
    const { formatRelativeTime } = renderMessages({ locale: 'es' });
    const now = new Date('2026-03-10T12:00:00.000Z');
    expect(formatRelativeTime('2026-03-10T11:55:00.000Z', now)).toBe('hace 5 minutos');
  });

  it('formats dates and numbers with Intl in the locale', () => {
    const { formatDate, formatNumber } = renderMessages({ locale: 'de-DE' });
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatDate('2026-03-10T12:00:00.000Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('10. März 2026');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('gives a plain-words message per error code, with the wait of a rate limit in seconds', () => {
    const { errorMessage } = renderMessages();
    expect(errorMessage(new ReachoutError('ACTIVE_CHAT', 'x'))).toBe(
      'This contact already has an active chat. Continue the conversation there.',
    );
    expect(errorMessage(new ReachoutError('RATE_LIMITED', 'x', { retryAfterMs: 2500 }))).toBe(
      'Too many requests. Try again in 3 seconds.',
    );
    expect(errorMessage(new ReachoutError('RATE_LIMITED', 'x', { retryAfterMs: 900 }))).toBe(
      'Too many requests. Try again in 1 second.',
    );
    expect(errorMessage(new ReachoutError('RATE_LIMITED', 'x'))).toBe('Too many requests. Wait a moment and try again.');
    expect(errorMessage(new Error('boom'))).toBe('Something went wrong. Try again.');
  });

  it('uses the host\'s wording for an error code', () => {
    const { errorMessage } = renderMessages({ messages: { 'error.NETWORK': 'Sem conexão.' } });
    expect(errorMessage(new ReachoutError('NETWORK', 'offline'))).toBe('Sem conexão.');
  });
});
