import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReachoutProvider } from '../../src/data/ReachoutProvider';
import { useContacts } from '../../src/data/useContacts';
import { useMessages } from '../../src/data/useMessages';
import { useTicket } from '../../src/data/useTicket';
import { createMockProvider } from './helpers';

function ContactsHeading() {
  const { t } = useMessages();
  const { contacts, isLoading, isPending } = useContacts({ search: 'ada' });
  const { data: ticket } = useTicket('ticket-1');
  return createElement(
    'h2',
    { 'data-pending': String(isPending), 'data-loading': String(isLoading) },
    `${t('contactList.label')}: ${t('contactList.count', { count: contacts.length })}${ticket ? '!' : ''}`,
  );
}

describe('server rendering', () => {
  it('renders the provider and its hooks with renderToString in the loading state the client starts in', () => {
    expect(typeof document).toBe('undefined');
    const dataProvider = createMockProvider();

    const html = renderToString(
      createElement(ReachoutProvider, { dataProvider, locale: 'en' }, createElement(ContactsHeading)),
    );

    expect(html).toBe('<h2 data-pending="true" data-loading="true">Contacts: No contacts</h2>');
    // Queries do not run during a server render.
    expect(dataProvider.listContacts).not.toHaveBeenCalled();
  });
});
