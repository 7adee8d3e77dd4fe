import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCreateContactForm } from '../../../src/components/create-contact-dialog';
import type { UseCreateContactFormOptions } from '../../../src/components/create-contact-dialog';
import { ReachoutError } from '../../../src/core';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider } from '../../../src/testing';
import { callsOf } from './helpers';

afterEach(() => {
  cleanup();
});

/** A host's own markup over the headless hook: only the prop getters, no Reachout parts. */
function HostForm(options: UseCreateContactFormOptions) {
  const form = useCreateContactForm(options);
  return (
    <form {...form.getFormProps()}>
      <label id={form.getLabelProps('name').id} htmlFor={form.getLabelProps('name').htmlFor}>
        Full name
      </label>
      <input {...form.getInputProps('name')} />
      {form.errors.name && <span {...form.getErrorProps('name')}>{form.errors.name}</span>}
      <label id={form.getLabelProps('country').id} htmlFor={form.getLabelProps('country').htmlFor}>
        Region
      </label>
      <select {...form.getCountrySelectProps()}>
        {form.countries.map((option) => (
          <option key={option.country} value={option.country}>
            {option.name}
          </option>
        ))}
      </select>
      <label id={form.getLabelProps('phone').id} htmlFor={form.getLabelProps('phone').htmlFor}>
        Mobile
      </label>
      <input {...form.getInputProps('phone')} />
      {form.errors.phone && <span {...form.getErrorProps('phone')}>{form.errors.phone}</span>}
      <output data-testid="e164">{form.phoneInfo?.e164 ?? ''}</output>
      <output data-testid="draft">{form.hasDraft ? 'draft' : 'clean'}</output>
      {form.formError && <p role="alert">{form.formError.message}</p>}
      <button {...form.getSubmitButtonProps()}>Save contact</button>
      <button type="button" onClick={form.reset}>
        Discard
      </button>
    </form>
  );
}

function renderHostForm(provider: MemoryProvider, options: UseCreateContactFormOptions = {}) {
  const user = userEvent.setup();
  render(
    <ReachoutProvider dataProvider={provider} locale="en-GB">
      <HostForm {...options} />
    </ReachoutProvider>,
  );
  return { user };
}

describe('useCreateContactForm', () => {
  it('gives the provider exactly the validated input: trimmed name, null email, E.164 phone', async () => {
    const provider = createMemoryProvider();
    const onCreated = vi.fn();
    const { user } = renderHostForm(provider, { onCreated });
    expect((screen.getByLabelText('Region') as HTMLSelectElement).value).toBe('GB');

    await user.type(screen.getByLabelText('Full name'), ' Mary Seacole ');
    await user.type(screen.getByLabelText('Mobile'), '07911 123456');
    expect(screen.getByTestId('e164').textContent).toBe('+447911123456');
    await user.click(screen.getByRole('button', { name: 'Save contact' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact').map((call) => call.params)).toEqual([
      { input: { name: 'Mary Seacole', email: null, phone: '+447911123456' } },
    ]);
    expect(onCreated.mock.calls[0]?.[0]).toMatchObject({ name: 'Mary Seacole', phone: '+447911123456' });
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('');
  });

  it('wires labels, aria-invalid and aria-describedby through its prop getters', async () => {
    const provider = createMemoryProvider();
    const { user } = renderHostForm(provider);
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    const name = screen.getByLabelText('Full name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter a name');
    expect(document.activeElement).toBe(name);
    expect(callsOf(provider, 'createContact')).toHaveLength(0);
  });

  it('reports a draft once something is typed, and reset() discards it', async () => {
    const { user } = renderHostForm(createMemoryProvider());
    expect(screen.getByTestId('draft').textContent).toBe('clean');
    await user.type(screen.getByLabelText('Full name'), 'M');
    expect(screen.getByTestId('draft').textContent).toBe('draft');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByTestId('draft').textContent).toBe('clean');
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('');
  });

  it('reports a provider failure as formError with the code’s plain message', async () => {
    const provider = createMemoryProvider();
    provider.control.failNext('createContact', new ReachoutError('FORBIDDEN', 'No'));
    const { user } = renderHostForm(provider);
    await user.type(screen.getByLabelText('Full name'), 'Mary Seacole');
    await user.type(screen.getByLabelText('Mobile'), '07911 123457');
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You don’t have permission to do this.');
  });
});
