import '../../../src/styles.css';
import { cleanup, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCreateContactForm } from '../../../src/components/create-contact-dialog';
import type { PhoneModule } from '../../../src/core/phoneLoader';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import { callsOf, descriptionOf, field, renderDialog } from './helpers';

// A phone chunk that arrives only when the test says so (or fails), standing in for a slow
// network: the real phone functions behind a gate the test opens.
const slowPhone = vi.hoisted(() => {
  const state = {
    loads: 0,
    loaded: undefined as PhoneModule | undefined,
    loading: undefined as Promise<PhoneModule> | undefined,
    arrive: (): void => {},
    fail: (): void => {},
    gate: Promise.resolve(),
    reset() {
      state.loads = 0;
      state.loaded = undefined;
      state.loading = undefined;
      state.gate = new Promise<void>((resolve, reject) => {
        state.arrive = resolve;
        state.fail = () => reject(new TypeError('Failed to fetch dynamically imported module'));
      });
    },
  };
  return state;
});

vi.mock('../../../src/core/phoneLoader', async () => {
  const phone = await import('../../../src/core/phone');
  return {
    loadedPhone: () => slowPhone.loaded,
    loadPhone: () => {
      slowPhone.loads += 1;
      slowPhone.loading ??= slowPhone.gate.then(
        () => (slowPhone.loaded = phone),
        (error: unknown) => {
          slowPhone.loading = undefined;
          slowPhone.gate = Promise.resolve();
          throw error;
        },
      );
      return slowPhone.loading;
    },
  };
});

beforeEach(() => {
  slowPhone.reset();
});

afterEach(() => {
  cleanup();
});

describe('CreateContactDialog: phone metadata loaded when it opens', () => {
  it('starts loading the phone metadata when the dialog opens, not while it is closed', async () => {
    const { user } = renderDialog({ props: { defaultOpen: false, trigger: <button type="button">New contact</button> } });
    expect(slowPhone.loads).toBe(0);

    await user.click(screen.getByRole('button', { name: 'New contact' }));
    await screen.findByRole('dialog', { name: 'Create contact' });
    expect(slowPhone.loads).toBeGreaterThan(0);
  });

  it('paints at once with the locale’s country chosen, and lists every country once the metadata arrives', async () => {
    renderDialog({ locale: 'pt-BR' });
    expect(screen.getByRole('dialog', { name: 'Create contact' })).not.toBeNull();
    expect(field.country().value).toBe('BR');
    expect(Array.from(field.country().options).map((option) => option.textContent)).toEqual(['Choose a country', 'Brasil']);

    slowPhone.arrive();
    await waitFor(() => expect(field.country().options.length).toBeGreaterThan(200));
    expect(field.country().value).toBe('BR');
    expect(field.country().selectedOptions[0]?.textContent).toBe('Brasil (\u200e+55)');
  });

  it('keeps what is typed in the phone field while loading, then shows its note and its error once the metadata arrives', async () => {
    const { user } = renderDialog();
    await user.type(field.phone(), '+44 7400 123456');
    await user.tab();
    expect(field.phone().value).toBe('+44 7400 123456');
    expect(screen.queryByText(/Country from the number/)).toBeNull();

    slowPhone.arrive();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Country from the number: United Kingdom'));
    expect(field.phone().value).toBe('+44 7400 123456');

    await user.clear(field.phone());
    await user.type(field.phone(), '12');
    await waitFor(() => expect(field.phone().getAttribute('aria-invalid')).toBe('true'));
  });

  it('shows a phone error the person left behind while loading as soon as the metadata arrives', async () => {
    const { user } = renderDialog();
    await user.type(field.phone(), '12');
    await user.tab();
    expect(field.phone().getAttribute('aria-invalid')).toBeNull();

    slowPhone.arrive();
    await waitFor(() => expect(field.phone().getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field.phone())).toMatch(/too short|not a valid/);
  });

  it('makes Create wait for the metadata, busy, then creates the contact with the number in E.164', async () => {
    const { provider, user, onCreated } = renderDialog();
    await user.type(field.name(), 'Grace Hopper');
    await user.type(field.phone(), '(415) 555-2671');
    await user.click(field.create());

    await waitFor(() => expect(field.create().getAttribute('aria-busy')).toBe('true'));
    expect(callsOf(provider, 'createContact')).toHaveLength(0);
    expect(field.name().value).toBe('Grace Hopper');
    expect(field.phone().value).toBe('(415) 555-2671');

    slowPhone.arrive();
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact').map((call) => call.params.input)).toEqual([
      { name: 'Grace Hopper', email: null, phone: '+14155552671' },
    ]);
  });

  it('says so with Retry when the metadata does not arrive, keeps every value, and Retry creates the contact', async () => {
    const { provider, user, onCreated } = renderDialog();
    await user.type(field.name(), 'Ada Lovelace');
    await user.type(field.phone(), '+44 20 7946 0000');
    await user.click(field.create());
    slowPhone.fail();

    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('alert').textContent).not.toBe('');
    expect(callsOf(provider, 'createContact')).toHaveLength(0);
    expect(field.name().value).toBe('Ada Lovelace');
    expect(field.phone().value).toBe('+44 20 7946 0000');

    await user.click(retry);
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact').map((call) => call.params.input)).toEqual([
      { name: 'Ada Lovelace', email: null, phone: '+442079460000' },
    ]);
  });
});

describe('useCreateContactForm: phone metadata loaded on mount', () => {
  it('reports phoneReady, and drops a locale region without phone numbers (en-AQ, Antarctica) from the country once the metadata arrives', async () => {
    const provider = createMemoryProvider();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ReachoutProvider dataProvider={provider} locale="en-AQ">
        {children}
      </ReachoutProvider>
    );
    const { result } = renderHook(() => useCreateContactForm(), { wrapper });
    expect(slowPhone.loads).toBeGreaterThan(0);
    expect(result.current.phoneReady).toBe(false);
    expect(result.current.values.country).toBe('AQ');
    expect(result.current.countries.map((option) => option.country)).toEqual(['AQ']);

    slowPhone.arrive();
    await waitFor(() => expect(result.current.phoneReady).toBe(true));
    await waitFor(() => expect(result.current.values.country).toBe(''));
    expect(result.current.countries.length).toBeGreaterThan(200);
  });
});
