import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportContactsDialog, ImportContactsDialogMappingStep, useImportContactsDialogContext } from '../../../src/components/import-contacts-dialog';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The first read and check wait for the import worker's code to load: seconds on a busy machine. */
const checkWait = { timeout: 20_000 };

const csv = ['Name,Phone', 'Ada Parts,+44 20 7946 0001', 'Grace Parts,+44 20 7946 0002'].join('\r\n');

/** The host's own words about the file chosen, read from the Root's context. */
function ChosenFile() {
  const { state } = useImportContactsDialogContext('ChosenFile');
  return <p data-testid="chosen">{state.file ? `${state.file.name}: ${state.file.rowCount} rows` : 'No file yet'}</p>;
}

function HostLayout({ onImported }: { onImported: () => void }) {
  return (
    <ReachoutProvider dataProvider={createMemoryProvider({ contacts: [] })}>
      <ImportContactsDialog.Root onImported={onImported}>
        <ImportContactsDialog.Trigger className="host-trigger">Bring contacts in</ImportContactsDialog.Trigger>
        <ImportContactsDialog.Content className="host-panel" overlayClassName="host-overlay" aria-describedby={undefined}>
          <ImportContactsDialog.Title className="host-title">Upload customers</ImportContactsDialog.Title>
          <ChosenFile />
          <ImportContactsDialog.FileStep className="host-file" data-testid="file-step" />
          <ImportContactsDialog.MappingStep />
          <ImportContactsDialog.ProgressStep />
          <ImportContactsDialog.ReportStep />
        </ImportContactsDialog.Content>
      </ImportContactsDialog.Root>
    </ReachoutProvider>
  );
}

describe('ImportContactsDialog parts', () => {
  it('lets a host lay the dialog out from parts and import a small file through it', async () => {
    const user = userEvent.setup();
    const onImported = vi.fn();
    render(<HostLayout onImported={onImported} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Bring contacts in' }));
    const dialog = await screen.findByRole('dialog', { name: 'Upload customers' });
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(screen.getByTestId('chosen').textContent).toBe('No file yet');

    await user.upload(screen.getByLabelText('File'), new File([csv], 'people.csv', { type: 'text/csv' }));
    expect(await screen.findByText('2 ready, 0 need attention', undefined, checkWait)).toBeTruthy();
    expect(screen.getByTestId('chosen').textContent).toBe('people.csv: 2 rows');
    expect(dialog.getAttribute('data-step')).toBe('mapping');
    expect(screen.queryByTestId('file-step')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Created 2, updated 0, skipped 0.')).toBeTruthy();
    expect(onImported).toHaveBeenCalledWith({ created: 2, updated: 0, skipped: [] });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Bring contacts in' }));
  });

  it('merges the host’s className with Reachout’s and names each part with data-slot', async () => {
    const user = userEvent.setup();
    render(<HostLayout onImported={() => {}} />);
    const trigger = screen.getByRole('button', { name: 'Bring contacts in' });
    expect(trigger.getAttribute('data-slot')).toBe('import-contacts-dialog-trigger');
    expect(trigger.className).toBe('reachout-import-contacts-dialog__trigger host-trigger');
    await user.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Upload customers' });
    expect(dialog.getAttribute('data-slot')).toBe('import-contacts-dialog');
    expect(dialog.className).toBe('reachout-import-contacts-dialog host-panel');
    expect(document.querySelector('[data-slot="import-contacts-dialog-overlay"]')?.className).toBe('reachout-import-contacts-dialog__overlay host-overlay');
    expect(screen.getByRole('heading', { name: 'Upload customers' }).className).toBe('reachout-import-contacts-dialog__title host-title');
    const fileStep = screen.getByTestId('file-step');
    expect(fileStep.getAttribute('data-slot')).toBe('import-contacts-dialog-file-step');
    expect(fileStep.className).toBe('reachout-import-contacts-dialog__drop host-file');
  });

  it('drops every Reachout class when unstyled, keeping data-slot and the steps', async () => {
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()}>
        <ImportContactsDialog defaultOpen unstyled />
      </ReachoutProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Import contacts' });
    const styled = [dialog, ...dialog.querySelectorAll('*')].filter((element) =>
      Array.from(element.classList).some((name) => name.startsWith('reachout-')),
    );
    expect(styled).toEqual([]);
    expect(document.querySelector('[data-slot="import-contacts-dialog-overlay"]')?.className).toBe('');
    expect(dialog.querySelector('[data-slot="import-contacts-dialog-file-step"]')).not.toBeNull();
    expect(screen.getByLabelText('File')).toBeTruthy();
  });

  it('forwards refs to the DOM elements of its parts', async () => {
    const trigger = createRef<HTMLButtonElement>();
    const content = createRef<HTMLDivElement>();
    const header = createRef<HTMLDivElement>();
    const close = createRef<HTMLButtonElement>();
    const fileStep = createRef<HTMLDivElement>();
    const user = userEvent.setup();
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()}>
        <ImportContactsDialog.Root>
          <ImportContactsDialog.Trigger ref={trigger} />
          <ImportContactsDialog.Content ref={content}>
            <ImportContactsDialog.Header ref={header}>
              <ImportContactsDialog.Title />
              <ImportContactsDialog.Description />
              <ImportContactsDialog.Close ref={close} />
            </ImportContactsDialog.Header>
            <ImportContactsDialog.FileStep ref={fileStep} />
          </ImportContactsDialog.Content>
        </ImportContactsDialog.Root>
      </ReachoutProvider>,
    );
    expect(trigger.current).toBe(screen.getByRole('button', { name: 'Import contacts' }));
    await user.click(trigger.current!);
    const dialog = await screen.findByRole('dialog', { name: 'Import contacts' });
    expect(content.current).toBe(dialog);
    expect(header.current?.getAttribute('data-slot')).toBe('import-contacts-dialog-header');
    expect(close.current).toBe(screen.getByRole('button', { name: 'Close' }));
    expect(fileStep.current?.contains(screen.getByLabelText('File'))).toBe(true);
  });

  it('shows only the Unsupported part, no step, when the provider has no importContacts', async () => {
    const { importContacts: _importContacts, ...provider } = createMemoryProvider();
    render(
      <ReachoutProvider dataProvider={provider}>
        <ImportContactsDialog.Root defaultOpen>
          <ImportContactsDialog.Content aria-describedby={undefined}>
            <ImportContactsDialog.Title />
            <ImportContactsDialog.Unsupported className="host-note" />
            <ImportContactsDialog.FileStep />
          </ImportContactsDialog.Content>
        </ImportContactsDialog.Root>
      </ReachoutProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Import contacts' });
    expect(screen.getByRole('alert').className).toBe('reachout-import-contacts-dialog__unsupported host-note');
    expect(dialog.querySelector('[data-slot="import-contacts-dialog-file-step"]')).toBeNull();
  });

  it('returns focus to the host’s own button when the host owns open and the Content closes on Escape', async () => {
    const user = userEvent.setup();
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <ReachoutProvider dataProvider={createMemoryProvider()}>
          <button type="button" onClick={() => setOpen(true)}>
            Import from CRM
          </button>
          <ImportContactsDialog.Root open={open} onOpenChange={setOpen}>
            <ImportContactsDialog.Content aria-describedby={undefined}>
              <ImportContactsDialog.Title />
              <ImportContactsDialog.FileStep />
            </ImportContactsDialog.Content>
          </ImportContactsDialog.Root>
        </ReachoutProvider>
      );
    }
    render(<Host />);
    const opener = screen.getByRole('button', { name: 'Import from CRM' });
    await user.click(opener);
    await screen.findByRole('dialog', { name: 'Import contacts' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('says which part was used outside its Root', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <ReachoutProvider dataProvider={createMemoryProvider()}>
          <ImportContactsDialogMappingStep />
        </ReachoutProvider>,
      ),
    ).toThrow('<ImportContactsDialog.MappingStep> must be used inside <ImportContactsDialog.Root>');
  });
});
