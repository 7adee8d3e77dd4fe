import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ContactDetails } from '../../../src/components/contact-details';
import { ContactsInbox } from '../../../src/components/contacts-inbox';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

function renderWithProvider(element: ReturnType<typeof createElement>): string {
  return renderToString(createElement(ReachoutProvider, { dataProvider: createMemoryProvider() }, element));
}

describe('ContactsInbox and ContactDetails on the server', () => {
  it('renders the inbox with its contact list and no selection, without touching window', () => {
    const html = renderWithProvider(createElement(ContactsInbox));
    expect(html).toContain('data-slot="contacts-inbox"');
    expect(html).toContain('type="search"');
    expect(html).toContain('Create contact');
  });

  it('renders a selected contact’s details in their loading state with the three tabs', () => {
    const html = renderWithProvider(createElement(ContactsInbox, { selectedContactId: 'contact-ana-lima' }));
    expect(html).toContain('data-slot="contact-details"');
    expect(html).toMatch(/aria-busy="true"|data-state="loading"/);
  });

  it('renders ContactDetails alone', () => {
    const html = renderWithProvider(createElement(ContactDetails, { contactId: 'contact-ana-lima' }));
    expect(html).toContain('data-slot="contact-details"');
  });
});
