import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportContactsDialog } from '../../../src/components/import-contacts-dialog';
import { ReachoutError } from '../../../src/core';
import type { ReachoutDataProvider } from '../../../src/core';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider } from '../../../src/testing';

afterEach(() => {
  cleanup();
});

/** The first read and check wait for the import worker's code to load: seconds on a busy machine. */
const checkWait = { timeout: 20_000 };

const csv = [
  'Nome;E-mail;Telefone;Cidade',
  'Zoe Import;zoe@example.com;(61) 99123-4567;Brasília',
  'Yuri Import;;(61) 99123-4568;Recife',
  'Bad Row;;call me;Natal',
  'Zoe Twin;;+55 61 99123 4567;Brasília',
].join('\r\n');

function renderDialog(dataProvider: ReachoutDataProvider = createMemoryProvider({ contacts: [] })) {
  const onImported = vi.fn();
  const user = userEvent.setup();
  render(
    <ReachoutProvider dataProvider={dataProvider} locale="pt-BR">
      <ImportContactsDialog defaultOpen onImported={onImported} />
    </ReachoutProvider>,
  );
  return { user, onImported };
}

async function upload(user: ReturnType<typeof userEvent.setup>, text: string | Uint8Array<ArrayBuffer>, name = 'contacts.csv') {
  const input = screen.getByLabelText('File') as HTMLInputElement;
  await user.upload(input, new File([text], name, { type: 'text/csv' }));
}

describe('ImportContactsDialog', () => {
  it('maps a ;-separated Portuguese file, checks every row, imports the ready ones and reports', async () => {
    const provider: MemoryProvider = createMemoryProvider({ contacts: [] });
    const { user, onImported } = renderDialog(provider);
    expect(await screen.findByRole('dialog', { name: 'Import contacts' })).toBeTruthy();
    await upload(user, csv);

    expect(((await screen.findByLabelText('Phone', undefined, checkWait)) as HTMLSelectElement).value).toBe('2');
    expect((screen.getByLabelText('Name') as HTMLSelectElement).value).toBe('0');
    expect((screen.getByLabelText('Country') as HTMLSelectElement).value).toBe('BR');
    expect(await screen.findByText('2 ready, 2 need attention', undefined, checkWait)).toBeTruthy();
    expect(screen.getByText(/Row 4: Phone: A phone number has only digits/)).toBeTruthy();
    expect(screen.getByText('Row 5: Same phone as row 2')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Created 2, updated 0, skipped 2.')).toBeTruthy();
    expect(onImported).toHaveBeenCalledWith({ created: 2, updated: 0, skipped: [] });
    const imported = await provider.listContacts({ search: 'import' });
    expect(imported.items.map((contact) => [contact.name, contact.phone, contact.attributes])).toEqual([
      ['Yuri Import', '+5561991234568', { cidade: 'Recife' }],
      ['Zoe Import', '+5561991234567', { cidade: 'Brasília' }],
    ]);
    expect(screen.getByRole('button', { name: 'Download report' })).toBeTruthy();
  });

  it('rechecks the rows when the country changes, so national numbers are read with it', async () => {
    const { user } = renderDialog();
    await upload(user, 'Name,Phone\nAna,(61) 99123-4567\n');
    await screen.findByText('1 ready, 0 need attention', undefined, checkWait);
    await user.selectOptions(screen.getByLabelText('Country'), 'US');
    expect(await screen.findByText('0 ready, 1 need attention', undefined, checkWait)).toBeTruthy();
  });

  it('retries a failed batch with the same key, then offers Retry, and goes on from that batch', async () => {
    const provider = createMemoryProvider({ contacts: [] });
    provider.control.failNext('importContacts', new ReachoutError('NETWORK', 'Offline'));
    provider.control.failNext('importContacts', new ReachoutError('NETWORK', 'Offline'));
    const { user } = renderDialog(provider);
    await upload(user, csv);
    await screen.findByText('2 ready, 2 need attention', undefined, checkWait);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/couldn’t be imported/);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Created 2, updated 0, skipped 2.')).toBeTruthy();
    const keys = provider.control.calls.flatMap((call) => (call.method === 'importContacts' ? [call.params.input.idempotencyKey] : []));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('imports a column as an attribute under the key the person typed instead of the guessed one', async () => {
    const provider = createMemoryProvider({ contacts: [] });
    const { user } = renderDialog(provider);
    await upload(user, csv);
    const key = (await screen.findByLabelText('Attribute key for “Cidade”', undefined, checkWait)) as HTMLInputElement;
    expect(key.value).toBe('cidade');
    await user.clear(key);
    await user.type(key, 'city');
    await screen.findByText('2 ready, 2 need attention', undefined, checkWait);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Created 2, updated 0, skipped 2.');
    const imported = await provider.listContacts({ search: 'import' });
    expect(imported.items.map((contact) => contact.attributes)).toEqual([{ city: 'Recife' }, { city: 'Brasília' }]);
  });

  it('refuses an attribute key that breaks the key rule or repeats another column’s, and checks nothing until it is fixed', async () => {
    const { user } = renderDialog();
    await upload(user, 'Name,Phone,City,Town\nAna,+55 61 99123-4567,Brasília,Centro\n');
    await screen.findByText('1 ready, 0 need attention', undefined, checkWait);
    const town = screen.getByLabelText('Attribute key for “Town”') as HTMLInputElement;
    await user.clear(town);
    await user.type(town, 'home town');
    expect(town.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use 1 to 64 letters, digits, _ or -.').id).toBe(town.getAttribute('aria-describedby'));
    expect(screen.getByRole('status').textContent).toBe('Fix the columns marked above to check the rows.');
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);

    await user.clear(town);
    await user.type(town, 'city');
    expect(screen.getByText('Column “City” already uses this key.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);

    await user.type(town, '_2');
    expect(await screen.findByText('1 ready, 0 need attention', undefined, checkWait)).toBeTruthy();
    expect(town.getAttribute('aria-invalid')).toBeNull();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('lets the person change a guessed column: "Don’t import" leaves it out, Phone moves the phone to that column', async () => {
    const provider = createMemoryProvider({ contacts: [] });
    const { user } = renderDialog(provider);
    await upload(user, 'Name,Email,Phone,Mobile\nAna,ana@example.com,call me,+55 61 99123-4567\n');
    await screen.findByText('0 ready, 1 need attention', undefined, checkWait);
    expect((screen.getByLabelText('Import “Mobile” as') as HTMLSelectElement).value).toBe('attribute');
    await user.selectOptions(screen.getByLabelText('Import “Mobile” as'), 'Phone');
    expect((screen.getByLabelText('Phone') as HTMLSelectElement).value).toBe('3');
    expect((screen.getByLabelText('Import “Phone” as') as HTMLSelectElement).value).toBe('attribute');
    await user.selectOptions(screen.getByLabelText('Import “Email” as'), 'Don’t import');
    expect((screen.getByLabelText('Email') as HTMLSelectElement).value).toBe('');
    await screen.findByText('1 ready, 0 need attention', undefined, checkWait);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Created 1, updated 0, skipped 0.');
    const [contact] = (await provider.listContacts({})).items;
    expect([contact?.phone, contact?.email, contact?.attributes]).toEqual(['+5561991234567', null, { phone: 'call me' }]);
  });

  it('says so when the file is not a CSV file, and stays on the file step', async () => {
    const { user } = renderDialog();
    await upload(user, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x01]), 'sheet.csv');
    expect((await screen.findByRole('alert')).textContent).toBe('This isn’t a CSV file. Export the sheet as CSV and try again.');
    expect(screen.getByLabelText('File').getAttribute('aria-invalid')).toBe('true');
  });

  it('explains that the provider cannot import when it has no importContacts', async () => {
    const { importContacts: _importContacts, ...withoutImport } = createMemoryProvider({ contacts: [] });
    renderDialog(withoutImport as ReachoutDataProvider);
    expect((await screen.findByRole('alert')).textContent).toBe('This data provider can’t import contacts.');
    expect(screen.queryByLabelText('File')).toBeNull();
  });

  it('returns focus to the button that opened it when the host owns open, on Escape and on ×', async () => {
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Import contacts
          </button>
          <ImportContactsDialog open={open} onOpenChange={setOpen} />
        </>
      );
    }
    const user = userEvent.setup();
    render(
      <ReachoutProvider dataProvider={createMemoryProvider({ contacts: [] })} locale="en">
        <Host />
      </ReachoutProvider>,
    );
    const opener = screen.getByRole('button', { name: 'Import contacts' });
    await user.click(opener);
    expect(await screen.findByRole('dialog', { name: 'Import contacts' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await vi.waitFor(() => expect(document.activeElement).toBe(opener));

    await user.click(opener);
    await user.click(await screen.findByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(opener));
  });
});
