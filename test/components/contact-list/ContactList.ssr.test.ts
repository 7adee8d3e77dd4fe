import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ContactList } from '../../../src/components/contact-list';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

describe('ContactList on the server', () => {
  it('renders the loading grid with renderToString, without calling the provider', () => {
    expect(typeof document).toBe('undefined');
    const provider = createMemoryProvider();
    const html = renderToString(
      createElement(ReachoutProvider, { dataProvider: provider }, createElement(ContactList, { onCreateContact: () => {} })),
    );
    expect(html).toContain('role="grid"');
    expect(html).toContain('aria-label="Contacts"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('aria-label="Search contacts"');
    expect(html).toContain('Create contact');
    expect(provider.control.calls).toEqual([]);
  });
});
