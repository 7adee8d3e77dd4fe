import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CreateContactDialog,
  CreateContactDialogSubmit,
} from '../../../src/components/create-contact-dialog';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider } from '../../../src/testing';
import { callsOf, field } from './helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Recomposed({ provider, unstyled }: { provider: MemoryProvider; unstyled?: boolean }) {
  return (
    <ReachoutProvider dataProvider={provider}>
      <CreateContactDialog.Root defaultOpen unstyled={unstyled}>
        <CreateContactDialog.Content className="host-panel" overlayClassName="host-overlay">
          <CreateContactDialog.Title>New customer</CreateContactDialog.Title>
          <CreateContactDialog.Description>Only the essentials.</CreateContactDialog.Description>
          <CreateContactDialog.Form className="host-form">
            <CreateContactDialog.NameField className="host-field" data-testid="name-field" />
            <CreateContactDialog.PhoneField />
            <CreateContactDialog.FormError />
            <CreateContactDialog.Submit className="host-submit">Save</CreateContactDialog.Submit>
          </CreateContactDialog.Form>
        </CreateContactDialog.Content>
      </CreateContactDialog.Root>
    </ReachoutProvider>
  );
}

describe('CreateContactDialog parts', () => {
  it('merges the host’s className with Reachout’s and names each part with data-slot', async () => {
    render(<Recomposed provider={createMemoryProvider()} />);
    const dialog = await screen.findByRole('dialog', { name: 'New customer' });
    expect(dialog.getAttribute('data-slot')).toBe('create-contact-dialog');
    expect(dialog.className.split(' ')).toEqual(['reachout-create-contact-dialog', 'host-panel']);
    const overlay = document.querySelector('[data-slot="create-contact-dialog-overlay"]');
    expect(overlay?.className).toBe('reachout-create-contact-dialog__overlay host-overlay');
    const nameField = screen.getByTestId('name-field');
    expect(nameField.getAttribute('data-slot')).toBe('create-contact-dialog-name-field');
    expect(nameField.className).toBe('reachout-create-contact-dialog__field host-field');
    expect(screen.getByRole('button', { name: 'Save' }).className).toBe('reachout-create-contact-dialog__button host-submit');
  });

  it('lets a host recompose the form from parts: a dialog without email or photo still creates contacts', async () => {
    const provider = createMemoryProvider();
    const user = userEvent.setup();
    render(<Recomposed provider={provider} />);
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(screen.queryByLabelText('Photo')).toBeNull();
    await user.type(field.name(), 'Rosalind Franklin');
    await user.type(field.phone(), '+44 20 7946 0002');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsOf(provider, 'createContact')).toHaveLength(1));
    expect(callsOf(provider, 'createContact')[0]?.params.input).toEqual({
      name: 'Rosalind Franklin',
      email: null,
      phone: '+442079460002',
    });
  });

  it('drops every Reachout class when unstyled, keeping data-slot and behaviour', async () => {
    const provider = createMemoryProvider();
    const user = userEvent.setup();
    render(
      <ReachoutProvider dataProvider={provider}>
        <CreateContactDialog defaultOpen unstyled />
      </ReachoutProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Create contact' });
    const styled = [dialog, ...dialog.querySelectorAll('*')].filter((element) =>
      Array.from(element.classList).some((name) => name.startsWith('reachout-')),
    );
    expect(styled).toEqual([]);
    expect(document.querySelector('[data-slot="create-contact-dialog-overlay"]')?.className).toBe('');
    expect(dialog.querySelector('[data-slot="create-contact-dialog-phone-field"]')).not.toBeNull();

    await user.click(field.create());
    await waitFor(() => expect(field.name().getAttribute('aria-invalid')).toBe('true'));
    expect(callsOf(provider, 'createContact')).toHaveLength(0);
  });

  it('forwards refs to the DOM elements of its parts', async () => {
    const content = createRef<HTMLDivElement>();
    const form = createRef<HTMLFormElement>();
    const nameField = createRef<HTMLDivElement>();
    const submit = createRef<HTMLButtonElement>();
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()}>
        <CreateContactDialog.Root defaultOpen>
          <CreateContactDialog.Content ref={content}>
            <CreateContactDialog.Title />
            <CreateContactDialog.Description />
            <CreateContactDialog.Form ref={form}>
              <CreateContactDialog.NameField ref={nameField} />
              <CreateContactDialog.Submit ref={submit} />
            </CreateContactDialog.Form>
          </CreateContactDialog.Content>
        </CreateContactDialog.Root>
      </ReachoutProvider>,
    );
    await screen.findByRole('dialog');
    expect(content.current).toBe(screen.getByRole('dialog'));
    expect(form.current?.tagName).toBe('FORM');
    expect(nameField.current?.contains(field.name())).toBe(true);
    expect(submit.current).toBe(field.create());
  });

  it('says which part was used outside its Root', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <ReachoutProvider dataProvider={createMemoryProvider()}>
          <CreateContactDialogSubmit />
        </ReachoutProvider>,
      ),
    ).toThrow('<CreateContactDialog.Submit> must be used inside <CreateContactDialog.Root>');
  });

  it('follows a controlled open prop, asking onOpenChange to close', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <ReachoutProvider dataProvider={createMemoryProvider()}>
          <button type="button" onClick={() => setOpen(true)}>
            Add someone
          </button>
          <CreateContactDialog
            open={open}
            onOpenChange={(next) => {
              onOpenChange(next);
              setOpen(next);
            }}
          />
        </ReachoutProvider>
      );
    }
    render(<Host />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add someone' }));
    await screen.findByRole('dialog', { name: 'Create contact' });
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenCalledWith(false);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('stays open when the host controls open and ignores the request to close', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()}>
        <CreateContactDialog open onOpenChange={onOpenChange} />
      </ReachoutProvider>,
    );
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.getByRole('dialog')).not.toBeNull();
  });

  it('has no photo field when the provider cannot upload media', async () => {
    const { uploadMedia: _uploadMedia, ...withoutUploads } = createMemoryProvider();
    render(
      <ReachoutProvider dataProvider={withoutUploads}>
        <CreateContactDialog defaultOpen />
      </ReachoutProvider>,
    );
    await screen.findByRole('dialog');
    expect(screen.queryByLabelText('Photo')).toBeNull();
    expect(screen.queryByText('Choose photo')).toBeNull();
  });

  it('uses the host’s messages for labels and validation', async () => {
    const user = userEvent.setup();
    render(
      <ReachoutProvider
        dataProvider={createMemoryProvider()}
        locale="de-DE"
        messages={{
          'createContact.title': 'Kontakt anlegen',
          'createContact.field.name': 'Name des Kontakts',
          'createContact.submit': 'Anlegen',
          'createContact.validation.nameRequired': 'Bitte einen Namen eingeben',
        }}
      >
        <CreateContactDialog defaultOpen />
      </ReachoutProvider>,
    );
    await screen.findByRole('dialog', { name: 'Kontakt anlegen' });
    expect((screen.getByLabelText('Country') as HTMLSelectElement).value).toBe('DE');
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));
    const name = screen.getByLabelText('Name des Kontakts');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Bitte einen Namen eingeben',
    );
  });
});
