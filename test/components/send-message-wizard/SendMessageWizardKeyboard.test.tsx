import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { renderWizard } from './dialogHelpers';

afterEach(cleanup);

/** Real key presses through Chromium (not synthetic events), so its own radio-group arrow handling runs. */
const press = (keys: string) => userEvent.keyboard(keys);

describe('SendMessageWizard keyboard', () => {
  it('keeps focus on the template radios while the arrow keys check them, and Tab leaves the group', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const approved = (await screen.findAllByRole('radio')).filter((radio) => !(radio as HTMLInputElement).disabled);
    screen.getByRole('searchbox', { name: 'Search templates' }).focus();
    await press('{Tab}');
    expect(document.activeElement).toBe(approved[0]);
    await press('{ArrowDown}');
    await waitFor(() => expect((approved[1] as HTMLInputElement).checked).toBe(true));
    expect(document.activeElement).toBe(approved[1]);
    await press('{ArrowDown}');
    await waitFor(() => expect((approved[2] as HTMLInputElement).checked).toBe(true));
    expect(document.activeElement).toBe(approved[2]);
    await press('{Tab}');
    expect(document.activeElement?.getAttribute('role')).not.toBe('dialog');
    expect(document.activeElement?.tagName).toBe('BUTTON');
  });
});
