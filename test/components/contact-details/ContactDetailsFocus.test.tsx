import '../../../src/styles.css';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ContactDetails } from '../../../src/components/contact-details';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(cleanup);

function renderDetails() {
  render(
    <ReachoutProvider dataProvider={createMemoryProvider({ verifyAfterMs: null })}>
      <div style={{ inlineSize: 900 }}>
        <ContactDetails contactId="contact-ana-lima" />
      </div>
    </ReachoutProvider>,
  );
}

/** The box the focus ring paints: the element's border box grown by the outline's offset and width. */
function ringBox(element: HTMLElement) {
  const style = getComputedStyle(element);
  const grow = Number.parseFloat(style.outlineOffset) + Number.parseFloat(style.outlineWidth);
  const box = element.getBoundingClientRect();
  return { top: box.top - grow, bottom: box.bottom + grow, left: box.left - grow, right: box.right + grow };
}

describe('ContactDetails tabs focus', () => {
  it('shows no focus ring on a tab chosen with the mouse, and one on a tab reached with the keyboard', async () => {
    renderDetails();
    const tickets = await screen.findByRole('tab', { name: 'Tickets' }, { timeout: 3000 });
    // Real pointer events through Chromium, so its focus-visible heuristics apply.
    await userEvent.click(tickets);
    await waitFor(() => expect(tickets.getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement).toBe(tickets);
    expect(tickets.matches(':focus-visible')).toBe(false);
    await userEvent.keyboard('{ArrowRight}');
    const chats = screen.getByRole('tab', { name: 'Chats' });
    await waitFor(() => expect(document.activeElement).toBe(chats));
    expect(chats.matches(':focus-visible')).toBe(true);
  });

  it('draws the keyboard focus ring of a tab inside the tab list, so the list does not clip it', async () => {
    renderDetails();
    const timeline = await screen.findByRole('tab', { name: 'Timeline' }, { timeout: 3000 });
    timeline.focus();
    await userEvent.keyboard('{ArrowRight}');
    const tickets = screen.getByRole('tab', { name: 'Tickets' });
    await waitFor(() => expect(document.activeElement).toBe(tickets));
    expect(getComputedStyle(tickets).outlineStyle).toBe('solid');
    const ring = ringBox(tickets);
    const list = screen.getByRole('tablist').getBoundingClientRect();
    expect(ring.top).toBeGreaterThanOrEqual(list.top);
    expect(ring.bottom).toBeLessThanOrEqual(list.bottom);
  });

  it('keeps the focus ring of a tab panel outside the content it holds', async () => {
    renderDetails();
    const timeline = await screen.findByRole('tab', { name: 'Timeline' }, { timeout: 3000 });
    timeline.focus();
    await userEvent.keyboard('{Tab}');
    const panel = screen.getByRole('tabpanel');
    await waitFor(() => expect(document.activeElement).toBe(panel));
    // An outline with no offset is painted over the first and last child's own borders.
    expect(Number.parseFloat(getComputedStyle(panel).outlineOffset)).toBeGreaterThan(0);
  });
});
