import { cleanup, screen, waitFor } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWizard } from './dialogHelpers';

afterEach(cleanup);

type User = ReturnType<typeof userEvent.setup>;

async function toContentOf(user: User, template: RegExp) {
  await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('radio', { name: template }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

const previewImage = () => document.querySelector<HTMLImageElement>('[data-slot="template-preview-image"]');
const errorOf = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('SendMessageWizard image links', () => {
  it('refuses an http:// image link, as its hint asks for https', async () => {
    const { user } = renderWizard();
    await toContentOf(user, /seasonal_promo/);
    const link = screen.getByLabelText('Image link');
    await user.type(link, 'http://cdn.example.com/sale.png');
    await user.tab();
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(link)).toContain('Enter a link that starts with https://');
    await user.clear(link);
    await user.type(link, 'https://cdn.example.com/sale.png');
    expect(link.getAttribute('aria-invalid')).toBeNull();
  });

  it('does not request a link that is not a URL for the preview', async () => {
    const { user } = renderWizard();
    await toContentOf(user, /seasonal_promo/);
    const link = screen.getByLabelText('Image link');
    await user.type(link, 'not a url');
    await user.tab();
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(previewImage()).toBeNull();
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes('not%20a%20url'))).toBe(false);
    await user.clear(link);
    await user.type(link, 'https://cdn.example.com/sale.png');
    await waitFor(() => expect(previewImage()?.getAttribute('src')).toBe('https://cdn.example.com/sale.png'));
  });

  it('takes the link the host’s upload answers, even over http', async () => {
    const { user, provider } = renderWizard();
    provider.uploadMedia = async () => ({ url: 'http://localhost:8787/media/1' });
    await toContentOf(user, /seasonal_promo/);
    await user.upload(screen.getByLabelText('Upload a file'), new File(['png'], 'sale.png', { type: 'image/png' }));
    const link = screen.getByLabelText('Image link') as HTMLInputElement;
    await waitFor(() => expect(link.value).toBe('http://localhost:8787/media/1'));
    expect(link.getAttribute('aria-invalid')).toBeNull();
  });
});
