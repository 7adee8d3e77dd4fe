import '../../../src/styles.css';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWizard } from './dialogHelpers';

afterEach(cleanup);

/** A spacing token (in rem) as the pixels the browser computes. */
function spacePx(element: HTMLElement, token: string) {
  const rem = Number.parseFloat(getComputedStyle(element).getPropertyValue(token));
  return `${rem * Number.parseFloat(getComputedStyle(document.documentElement).fontSize)}px`;
}

/** A colour token as the browser computes it. */
function colour(element: HTMLElement, token: string) {
  const probe = document.createElement('div');
  probe.style.color = `var(${token})`;
  element.append(probe);
  const result = getComputedStyle(probe).color;
  probe.remove();
  return result;
}

// What these catch: a rule written for the parts around a part (".field > label") outweighing the
// part's own class, as "field > label { padding: 0 }" once took the padding off every option card.
describe('SendMessageWizard look', () => {
  it('pads the From option cards and the template option cards as their own rule says', async () => {
    const { user } = renderWizard();
    const from = (await screen.findByRole('radio', { name: /Acme Support/ })).closest('label') as HTMLElement;
    const { paddingTop, paddingLeft } = getComputedStyle(from);
    const card = { paddingTop, paddingLeft };
    expect(card.paddingTop).toBe(spacePx(from, '--reachout-space-2'));
    expect(card.paddingLeft).toBe(spacePx(from, '--reachout-space-3'));
    expect(Number.parseFloat(card.paddingTop)).toBeGreaterThan(0);
    await user.click(from);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const template = (await screen.findByRole('radio', { name: /order_update/ })).closest('label') as HTMLElement;
    expect(getComputedStyle(template).paddingTop).toBe(card.paddingTop);
    expect(getComputedStyle(template).paddingLeft).toBe(card.paddingLeft);
  });

  it('pads the "Upload a file" button like every other button, and marks an invalid link in the danger colour', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /seasonal_promo/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const upload = screen.getByLabelText('Upload a file').closest('label') as HTMLElement;
    const next = screen.getByRole('button', { name: 'Next' });
    expect(getComputedStyle(upload).paddingLeft).toBe(getComputedStyle(next).paddingLeft);
    expect(Number.parseFloat(getComputedStyle(upload).paddingLeft)).toBeGreaterThan(0);
    const link = screen.getByLabelText('Image link');
    await user.type(link, 'not a url');
    await user.tab();
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(getComputedStyle(link).borderTopColor).toBe(colour(link.parentElement as HTMLElement, '--reachout-color-danger'));
  });
});
