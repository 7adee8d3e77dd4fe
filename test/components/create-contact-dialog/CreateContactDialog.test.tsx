import '../../../src/styles.css';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { ReachoutError } from '../../../src/core';
import type { ReachoutErrorCode } from '../../../src/core';
import { callsOf, ContactNames, descriptionOf, field, pngFile, renderDialog } from './helpers';

afterEach(() => {
  cleanup();
});

describe('CreateContactDialog: validation', () => {
  it('opens titled "Create contact" with focus in Name', async () => {
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Create contact' });
    expect(dialog.getAttribute('aria-describedby')).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(field.name()));
  });

  it('never calls the provider with invalid input, marks every invalid field and focuses the first', async () => {
    const { provider, user } = renderDialog();
    await user.type(field.email(), 'not-an-email');
    await user.type(field.phone(), '12');
    await user.click(field.create());

    await waitFor(() => expect(field.name().getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field.name())).toContain('Enter a name');
    expect(field.email().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field.email())).toContain('Enter an email address like name@example.com');
    expect(field.phone().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field.phone())).toMatch(/too short|not a valid/);
    expect(document.activeElement).toBe(field.name());
    expect(callsOf(provider, 'createContact')).toHaveLength(0);
  });

  it('checks a field when the person leaves it, then clears the error as soon as it is fixed', async () => {
    const { user } = renderDialog();
    await user.click(field.name());
    await user.tab();
    await waitFor(() => expect(field.name().getAttribute('aria-invalid')).toBe('true'));

    await user.type(field.name(), 'A');
    await waitFor(() => expect(field.name().getAttribute('aria-invalid')).toBeNull());
    expect(field.name().getAttribute('aria-describedby')).toBeNull();
  });

  it('does not show an error while a field is typed into for the first time', async () => {
    const { user } = renderDialog();
    await user.type(field.email(), 'ana@');
    expect(field.email().getAttribute('aria-invalid')).toBeNull();
    await user.tab();
    await waitFor(() => expect(field.email().getAttribute('aria-invalid')).toBe('true'));
  });

  it('re-reads the phone in the new country when the country changes', async () => {
    const { user } = renderDialog();
    await user.type(field.phone(), '(11) 91234-5678');
    await user.tab();
    await waitFor(() => expect(field.phone().getAttribute('aria-invalid')).toBe('true'));

    await user.selectOptions(field.country(), 'BR');
    await waitFor(() => expect(field.phone().getAttribute('aria-invalid')).toBeNull());
  });
});

describe('CreateContactDialog: phone numbers', () => {
  it('defaults the country to the locale’s and lists countries by name with their calling codes', async () => {
    renderDialog({ locale: 'pt-BR' });
    const country = field.country();
    expect(country.value).toBe('BR');
    // The whole list comes with the phone metadata, loaded when the dialog opens.
    await waitFor(() => expect(country.options.length).toBeGreaterThan(200));
    const options = Array.from(country.options).map((option) => option.textContent ?? '');
    expect(options).toContain('Brasil (\u200e+55)');
    const names = options.slice(1).map((text) => text.replace(/ \(.*$/, ''));
    expect(names).toEqual([...names].sort((first, second) => first.localeCompare(second, 'pt-BR')));
  });

  it('takes the defaultCountry prop over the locale', () => {
    renderDialog({ props: { defaultCountry: 'IN' } });
    expect(field.country().value).toBe('IN');
  });

  it('sends a national number in E.164, read in the chosen country', async () => {
    const { provider, user, onCreated } = renderDialog();
    await user.type(field.name(), '  Beatriz Souza ');
    await user.selectOptions(field.country(), 'BR');
    await user.type(field.phone(), '(11) 91234-5678');
    await user.click(field.create());

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact').map((call) => call.params.input)).toEqual([
      { name: 'Beatriz Souza', email: null, phone: '+5511912345678' },
    ]);
  });

  it('says nothing of the number’s country when it shares the chosen country’s calling code (a Guernsey range with United Kingdom chosen)', async () => {
    const { provider, user, onCreated } = renderDialog({ props: { defaultCountry: 'GB' } });
    await user.type(field.name(), 'Isla Le Page');
    await user.type(field.phone(), '+44 7781 123456');
    await user.tab();
    expect(descriptionOf(field.phone())).not.toContain('Country from the number');
    expect(screen.queryByText(/Country from the number/)).toBeNull();
    expect(field.country().value).toBe('GB');
    await user.click(field.create());
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact').map((call) => call.params.input.phone)).toEqual(['+447781123456']);
  });

  it('shows the chosen country’s whole label in its select at the dialog’s width ("United Kingdom (+44)")', async () => {
    // A laptop: the dialog at its full width, with Country and Phone side by side.
    await page.viewport(1280, 800);
    renderDialog({ props: { defaultCountry: 'GB' } });
    const select = await waitFor(() => field.country());
    const option = select.selectedOptions[0]!;
    expect(option.textContent?.replace(/\u200e/g, '')).toBe('United Kingdom (+44)');
    // The label's own width, measured in the select's font, against the room the select gives it.
    const probe = document.createElement('span');
    probe.textContent = option.textContent;
    probe.style.font = getComputedStyle(select).font;
    probe.style.whiteSpace = 'nowrap';
    probe.style.position = 'absolute';
    document.body.append(probe);
    const style = getComputedStyle(select);
    // Chromium draws the select's arrow inside its padding box: about 20px that text cannot use.
    const arrow = 20;
    const room = select.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - arrow;
    expect(probe.getBoundingClientRect().width).toBeLessThanOrEqual(room);
    probe.remove();
    await page.viewport(414, 896);
  });

  it('lets a leading + country code override the chosen country, and says which country it used', async () => {
    const { provider, user, onCreated } = renderDialog({ props: { defaultCountry: 'US' } });
    await user.type(field.name(), 'Oliver Brown');
    await user.type(field.email(), 'oliver@example.co.uk');
    await user.type(field.phone(), '+44 20 7946 0958');

    await waitFor(() => expect(descriptionOf(field.phone())).toContain('Country from the number: United Kingdom'));
    expect(screen.getByRole('status').textContent).toBe('Country from the number: United Kingdom');
    expect(field.country().value).toBe('US');

    await user.click(field.create());
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact').map((call) => call.params.input)).toEqual([
      { name: 'Oliver Brown', email: 'oliver@example.co.uk', phone: '+442079460958' },
    ]);
  });

  it('tells the person when a legacy Mexican mobile number is rewritten', async () => {
    const { provider, user, onCreated } = renderDialog();
    await user.type(field.name(), 'Lucía Hernández');
    await user.type(field.phone(), '+52 1 55 1234 5678');
    await waitFor(() => expect(descriptionOf(field.phone())).toContain('no longer use the 1 after +52'));

    await user.click(field.create());
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact')[0]?.params.input.phone).toBe('+525512345678');
  });
});

describe('CreateContactDialog: provider errors', () => {
  it('shows a duplicate phone (CONFLICT) at the Phone field and focuses it', async () => {
    // Ana Lima, in the fixtures, has +55 11 98765-4321.
    const { provider, user, onCreated } = renderDialog();
    await user.type(field.name(), 'Ana Again');
    await user.type(field.phone(), '+55 11 98765-4321');
    await user.click(field.create());

    await waitFor(() => expect(field.phone().getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field.phone())).toContain('A contact with this phone number already exists.');
    expect(document.activeElement).toBe(field.phone());
    expect(callsOf(provider, 'createContact')).toHaveLength(1);
    expect(onCreated).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).not.toBeNull();
    expect(field.name().value).toBe('Ana Again');
  });

  it('maps VALIDATION fieldErrors onto their fields, and unknown fields to a form-level message', async () => {
    const { provider, user } = renderDialog();
    provider.control.failNext(
      'createContact',
      new ReachoutError('VALIDATION', 'Rejected by the server', {
        fieldErrors: { name: 'Names must be unique in this workspace', email: 'This domain is blocked', tier: 'Pick a tier' },
      }),
    );
    await user.type(field.name(), 'Grace Hopper');
    await user.type(field.email(), 'grace@blocked.example');
    await user.type(field.phone(), '+1 202 555 0143');
    await user.click(field.create());

    await waitFor(() => expect(field.name().getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field.name())).toContain('Names must be unique in this workspace');
    expect(field.email().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field.email())).toContain('This domain is blocked');
    expect(field.phone().getAttribute('aria-invalid')).toBeNull();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Pick a tier');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(document.activeElement).toBe(field.name());
  });

  it('shows NETWORK above the buttons with Retry, keeps every value, and Retry creates the contact', async () => {
    const { provider, user, onCreated } = renderDialog({ provider: { latencyMs: 5 } });
    provider.control.failNext('createContact', new ReachoutError('NETWORK', 'Offline'));
    await user.type(field.name(), 'Hedy Lamarr');
    await user.type(field.email(), 'hedy@example.com');
    await user.selectOptions(field.country(), 'AT');
    await user.type(field.phone(), '0664 1234567');
    await user.click(field.create());

    const alert = await screen.findByText('Can’t reach the server. Check your connection and try again.');
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(field.name().value).toBe('Hedy Lamarr');
    expect(field.email().value).toBe('hedy@example.com');
    expect(field.country().value).toBe('AT');
    expect(field.phone().value).toBe('0664 1234567');
    const retry = screen.getByRole('button', { name: 'Retry' });
    await waitFor(() => expect(document.activeElement).toBe(retry));

    await user.click(retry);
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    const inputs = callsOf(provider, 'createContact').map((call) => call.params.input);
    expect(inputs).toHaveLength(2);
    expect(inputs[1]).toEqual({ name: 'Hedy Lamarr', email: 'hedy@example.com', phone: '+436641234567' });
    expect(inputs[1]).toEqual(inputs[0]);
  });

  const formLevelCodes: [ReachoutErrorCode, string][] = [
    ['UNKNOWN', 'Something went wrong. Try again.'],
    ['UNAUTHORIZED', 'Your session has expired. Sign in again.'],
    ['FORBIDDEN', 'You don’t have permission to do this.'],
    ['RATE_LIMITED', 'Too many requests. Wait a moment and try again.'],
  ];
  it.each(formLevelCodes)('shows %s as a form-level alert with Retry', async (code, message) => {
    const { provider, user } = renderDialog();
    provider.control.failNext('createContact', new ReachoutError(code, 'Provider text'));
    await user.type(field.name(), 'Alan Turing');
    await user.type(field.phone(), '+44 20 7946 0000');
    await user.click(field.create());

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain(message));
    expect(within(alert).getByRole('button', { name: 'Retry' })).not.toBeNull();
  });

  it('says how long to wait when RATE_LIMITED has retryAfterMs', async () => {
    const { provider, user } = renderDialog();
    provider.control.failNext('createContact', new ReachoutError('RATE_LIMITED', 'Slow down', { retryAfterMs: 30_000 }));
    await user.type(field.name(), 'Alan Turing');
    await user.type(field.phone(), '+44 20 7946 0000');
    await user.click(field.create());
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Try again in 30 seconds.'));
  });
});

describe('CreateContactDialog: submitting', () => {
  it('creates one contact for a triple click on Create', async () => {
    const { provider, user, onCreated } = renderDialog({ provider: { latencyMs: 20 } });
    await user.type(field.name(), 'Katherine Johnson');
    await user.type(field.phone(), '+1 757 555 0100');
    await user.tripleClick(field.create());

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact')).toHaveLength(1);
  });

  it('creates one contact for three clicks dispatched in one task, before React re-renders', async () => {
    const { provider, user, onCreated } = renderDialog({ provider: { latencyMs: 20 } });
    await user.type(field.name(), 'Dorothy Vaughan');
    await user.type(field.phone(), '+1 757 555 0101');
    const create = field.create();
    act(() => {
      create.click();
      create.click();
      create.click();
    });

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact')).toHaveLength(1);
  });

  it('disables Create and marks it busy while the contact is being created', async () => {
    const { provider, user } = renderDialog({ provider: { latencyMs: 60_000 } });
    await user.type(field.name(), 'Mary Jackson');
    await user.type(field.phone(), '+1 757 555 0102');
    await user.click(field.create());

    await waitFor(() => expect(field.create().disabled).toBe(true));
    expect(field.create().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
    expect(callsOf(provider, 'createContact')).toHaveLength(1);
  });

  it('on success calls onCreated, closes, resets, and the contact appears in a mounted contacts list', async () => {
    const { provider, user, onCreated, onOpenChange } = renderDialog({
      beside: <ContactNames />,
      props: { trigger: <button type="button">New contact</button> },
    });
    // Hidden from assistive technology while the modal dialog is open.
    const list = screen.getByRole('list', { name: 'Contacts', hidden: true });
    await waitFor(() => expect(within(list).getByText('Ana Lima')).not.toBeNull());
    expect(within(list).queryByText('Zora Neale Hurston')).toBeNull();

    await user.type(field.name(), 'Zora Neale Hurston');
    await user.selectOptions(field.country(), 'CA');
    await user.type(field.phone(), '+1 202 555 0199');
    await user.click(field.create());

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    const created = onCreated.mock.calls[0]?.[0] as { name: string; phone: string; id: string };
    expect(created).toMatchObject({ name: 'Zora Neale Hurston', phone: '+12025550199' });
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('list', { name: 'Contacts' })).toBe(list);
    expect(await within(list).findByText('Zora Neale Hurston')).not.toBeNull();
    expect(provider.control.snapshot().contacts.some((contact) => contact.id === created.id)).toBe(true);

    // Reset for the next contact, which most likely comes from the same country.
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    await screen.findByRole('dialog', { name: 'Create contact' });
    expect(field.name().value).toBe('');
    expect(field.phone().value).toBe('');
    expect(field.country().value).toBe('CA');
  });

  it('submits with Enter from a field', async () => {
    const { provider, user, onCreated } = renderDialog();
    await user.type(field.name(), 'Katherine Johnson');
    await user.type(field.phone(), '+1 757 555 0103{Enter}');
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'createContact')).toHaveLength(1);
  });
});

describe('CreateContactDialog: the draft', () => {
  it('keeps what was typed when the dialog is closed with Escape and opened again', async () => {
    const { user } = renderDialog({ props: { trigger: <button type="button">New contact</button> } });
    await user.type(field.name(), 'Ada Lovelace');
    await user.type(field.phone(), '+44 20 7946 0001');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'New contact' }));
    await screen.findByRole('dialog', { name: 'Create contact' });
    expect(field.name().value).toBe('Ada Lovelace');
    expect(field.phone().value).toBe('+44 20 7946 0001');
  });

  it('keeps what was typed when closed with the Close button', async () => {
    const { user } = renderDialog({ props: { trigger: <button type="button">New contact</button> } });
    await user.type(field.name(), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    expect((await screen.findByLabelText('Name') as HTMLInputElement).value).toBe('Ada Lovelace');
  });

  it('discards the draft on Cancel', async () => {
    const { user, onOpenChange } = renderDialog({ props: { trigger: <button type="button">New contact</button> } });
    await user.type(field.name(), 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    expect((await screen.findByLabelText('Name') as HTMLInputElement).value).toBe('');
  });
});

describe('CreateContactDialog: photo', () => {
  it('rejects a file that is not an image, with a message at the photo field', async () => {
    const { user } = renderDialog({ userOptions: { applyAccept: false } });
    await user.upload(field.photo(), new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => expect(field.photo().getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field.photo())).toContain('Choose an image file: PNG, JPEG, GIF or WebP.');
    expect(screen.queryByRole('img', { name: 'Selected photo' })).toBeNull();
  });

  it('rejects an image over the size limit, saying both sizes', async () => {
    const { user } = renderDialog();
    const large = new File([new Uint8Array(2_500_000)], 'large.png', { type: 'image/png' });
    await user.upload(field.photo(), large);
    await waitFor(() => expect(field.photo().getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field.photo())).toContain('This image is 2.5 MB. Choose one of 2 MB or less.');
    expect(screen.queryByRole('img', { name: 'Selected photo' })).toBeNull();
  });

  it('previews a valid image, uploads it with uploadMedia and sends its URL as avatarUrl', async () => {
    const { provider, user, onCreated } = renderDialog();
    const photo = await pngFile();
    await user.upload(field.photo(), photo);
    const preview = (await screen.findByRole('img', { name: 'Selected photo' })) as HTMLImageElement;
    await waitFor(() => expect(preview.complete && preview.naturalWidth).toBe(8));
    expect(screen.getByRole('button', { name: 'Remove photo' })).not.toBeNull();

    await user.type(field.name(), 'Grace Hopper');
    await user.type(field.phone(), '+1 202 555 0111');
    await user.click(field.create());
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));

    const uploads = callsOf(provider, 'uploadMedia');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.params.purpose).toBe('avatar');
    expect(uploads[0]?.params.file).toBe(photo);
    const input = callsOf(provider, 'createContact')[0]?.params.input;
    expect(input?.avatarUrl).toMatch(/^blob:/);
    expect((onCreated.mock.calls[0]?.[0] as { avatarUrl: string }).avatarUrl).toBe(input?.avatarUrl);
  });

  it('uploads the photo once when creating is retried', async () => {
    const { provider, user, onCreated } = renderDialog();
    provider.control.failNext('createContact', new ReachoutError('NETWORK', 'Offline'));
    await user.upload(field.photo(), await pngFile());
    await user.type(field.name(), 'Grace Hopper');
    await user.type(field.phone(), '+1 202 555 0112');
    await user.click(field.create());
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'uploadMedia')).toHaveLength(1);
    expect(callsOf(provider, 'createContact')).toHaveLength(2);
  });

  it('shows a failed upload above the buttons and creates nothing', async () => {
    const { provider, user } = renderDialog();
    provider.control.failNext('uploadMedia', new ReachoutError('NETWORK', 'Offline'));
    await user.upload(field.photo(), await pngFile());
    await user.type(field.name(), 'Grace Hopper');
    await user.type(field.phone(), '+1 202 555 0113');
    await user.click(field.create());
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('The photo couldn’t be uploaded.'));
    expect(callsOf(provider, 'createContact')).toHaveLength(0);
  });

  it('removes the chosen photo and moves focus to the photo input', async () => {
    const { provider, user, onCreated } = renderDialog();
    await user.upload(field.photo(), await pngFile());
    await user.click(await screen.findByRole('button', { name: 'Remove photo' }));
    expect(screen.queryByRole('img', { name: 'Selected photo' })).toBeNull();
    expect(document.activeElement).toBe(field.photo());

    await user.type(field.name(), 'Grace Hopper');
    await user.type(field.phone(), '+1 202 555 0114');
    await user.click(field.create());
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(callsOf(provider, 'uploadMedia')).toHaveLength(0);
    expect(callsOf(provider, 'createContact')[0]?.params.input.avatarUrl).toBeUndefined();
  });
});
