import '../../../src/styles.css';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { ContactDetails } from '../../../src/components/contact-details';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(cleanup);

describe('ContactDetails on a phone', () => {
  it('does not make a 390 px page scroll sideways on the Tickets tab', async () => {
    await page.viewport(390, 844);
    render(
      <ReachoutProvider dataProvider={createMemoryProvider({ verifyAfterMs: null })}>
        <ContactDetails contactId="contact-priya-sharma" onOpenTicket={() => undefined} />
      </ReachoutProvider>,
    );
    await userEvent.click(await screen.findByRole('tab', { name: 'Tickets' }, { timeout: 3000 }));
    await screen.findByRole('table', { name: 'Tickets' });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Open ticket/ })).toHaveLength(3));
    const root = document.documentElement;
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  });
});
