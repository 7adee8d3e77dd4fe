import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent } from 'storybook/test';
import { ImportContactsDialog, useImportContactsDialogContext } from '../../src/components/import-contacts-dialog';
import type { ImportContactsDialogProps } from '../../src/components/import-contacts-dialog';
import { ReachoutError } from '../../src/core';
import type { ReachoutDataProvider } from '../../src/core';
import { ReachoutProvider } from '../../src/data';
import { createMemoryProvider } from '../../src/testing';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

interface ReachoutStoryParameters {
  options?: MemoryProviderOptions;
  setup?: (provider: MemoryProvider) => void;
  locale?: string;
  withoutImport?: boolean;
}

const sampleCsv = [
  'Nome;E-mail;Telefone;Cidade;Plano',
  'Ana Souza;ana@example.com;(11) 98765-4321;São Paulo;gold',
  'Bruno Lima;;(21) 99876-5432;Rio de Janeiro;silver',
  'Carla Dias;carla@example.com;+55 31 8765-4321;Belo Horizonte;gold',
  'Diego Alves;diego@;(41) 99988-7766;Curitiba;bronze',
  'Elisa Rocha;;ligar depois;Recife;gold',
  'Ana Souza (2);;+55 11 98765 4321;São Paulo;gold',
].join('\r\n');

function DialogStory({ args, parameters }: { args: ImportContactsDialogProps; parameters: ReachoutStoryParameters }) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const dialog = (
    <div ref={setContainer} style={{ minBlockSize: 'calc(100dvh - 32px)' }}>
      {container && <ImportContactsDialog {...args} container={container} />}
    </div>
  );
  if (parameters.withoutImport) {
    const { importContacts: _importContacts, ...provider } = createMemoryProvider();
    return (
      <ReachoutProvider dataProvider={provider as ReachoutDataProvider} locale="en">
        {dialog}
      </ReachoutProvider>
    );
  }
  return (
    <ReachoutStory options={parameters.options} setup={parameters.setup} locale={parameters.locale ?? 'pt-BR'}>
      {dialog}
    </ReachoutStory>
  );
}

const meta = {
  title: 'Widgets/ImportContactsDialog',
  component: ImportContactsDialog,
  args: { defaultOpen: true, onImported: fn(), onOpenChange: fn() },
  render: (args, context) => <DialogStory args={args} parameters={(context.parameters.reachout ?? {}) as ReachoutStoryParameters} />,
  parameters: {
    layout: 'fullscreen',
    docs: {
      story: { inline: false, iframeHeight: 760 },
      description: {
        component:
          'A CSV file, its columns for Name, Email and Phone, Country for numbers without a code, Skip or Update for existing contacts, a check of every row, an import in batches with progress, Cancel and Retry, and a report with Download report.',
      },
    },
  },
} satisfies Meta<typeof ImportContactsDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

async function chooseSample(text: string | Uint8Array<ArrayBuffer> = sampleCsv, name = 'contatos.csv') {
  const input = await screen.findByLabelText('File');
  await userEvent.upload(input, new File([text], name, { type: 'text/csv' }));
}

async function mapped() {
  await chooseSample();
  // The first check waits for the import worker's code to load (seconds on a busy machine).
  await screen.findByText('3 ready, 3 need attention', undefined, { timeout: 20_000 });
}

/** The first step: choose or drop a file. */
export const ChooseFile: Story = {};

/** A spreadsheet workbook renamed .csv: refused with a message, never shown as garbage. */
export const BadFile: Story = {
  play: async () => {
    await chooseSample(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]), 'planilha.csv');
    await expect(await screen.findByRole('alert')).toHaveTextContent('This isn’t a CSV file');
  },
};

/** Columns guessed from Portuguese headers, Country from the locale, the preview and the check. */
export const MappingWithAttentionRows: Story = {
  play: async () => {
    await mapped();
    await expect(screen.getByText(/Row 5: Email/)).toBeInTheDocument();
    await expect(screen.getByText('Row 7: Same phone as row 2')).toBeInTheDocument();
  },
};

/** Every column mapped by the person: a key typed with a space is refused with a message and the check waits. */
export const AttributeKeyProblem: Story = {
  play: async () => {
    await mapped();
    const key = await screen.findByLabelText('Attribute key for “Cidade”');
    await userEvent.clear(key);
    await userEvent.type(key, 'cidade natal');
    await expect(await screen.findByText('Use 1 to 64 letters, digits, _ or -.')).toBeInTheDocument();
    await expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
  },
};

/** Batches on their way: a slow provider keeps the progress bar on screen. */
export const Progress: Story = {
  parameters: { reachout: { options: { latencyMs: 600_000 } } },
  play: async () => {
    await mapped();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await expect(await screen.findByRole('progressbar', { name: 'Import progress' })).toBeInTheDocument();
  },
};

/** A batch failed twice (the second time with the same key): "Retry" goes on from it. */
export const FailedBatch: Story = {
  parameters: {
    reachout: {
      setup: (provider: MemoryProvider) => {
        provider.control.failNext('importContacts', new ReachoutError('NETWORK', 'Offline'));
        provider.control.failNext('importContacts', new ReachoutError('NETWORK', 'Offline'));
      },
    },
  },
  play: async () => {
    await mapped();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await expect(await screen.findByRole('button', { name: 'Retry' })).toBeInTheDocument();
  },
};

/** The report after the import, with "Download report". */
export const Report: Story = {
  play: async () => {
    await mapped();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await expect(await screen.findByRole('button', { name: 'Download report' })).toBeInTheDocument();
  },
};

export const Dark: Story = { globals: { theme: 'dark' }, play: mapped };

export const RightToLeft: Story = { globals: { dir: 'rtl' }, play: mapped };

/** A host provider without importContacts: the dialog says so instead of offering a file. */
export const ProviderWithoutImport: Story = { parameters: { reachout: { withoutImport: true } } };

/**
 * A host's own layout from the parts: its trigger, its title, no Close button (Escape still
 * closes), a line of its own read from `useImportContactsDialogContext`, and the steps.
 */
export const Composed: Story = {
  args: { defaultOpen: false },
  render: ({ defaultOpen, onOpenChange, onImported }) => (
    <ReachoutStory locale="pt-BR">
      <div style={{ padding: 24 }}>
        <ImportContactsDialog.Root defaultOpen={defaultOpen} onOpenChange={onOpenChange} onImported={onImported}>
          <ImportContactsDialog.Trigger>Bring customers in</ImportContactsDialog.Trigger>
          <ImportContactsDialog.Content aria-describedby={undefined}>
            <ImportContactsDialog.Header>
              <ImportContactsDialog.Title>Upload customers</ImportContactsDialog.Title>
            </ImportContactsDialog.Header>
            <ChosenFile />
            <ImportContactsDialog.FileStep />
            <ImportContactsDialog.MappingStep />
            <ImportContactsDialog.ProgressStep />
            <ImportContactsDialog.ReportStep />
          </ImportContactsDialog.Content>
        </ImportContactsDialog.Root>
      </div>
    </ReachoutStory>
  ),
  play: async () => {
    await userEvent.click(screen.getByRole('button', { name: 'Bring customers in' }));
    await expect(await screen.findByRole('dialog', { name: 'Upload customers' })).toBeInTheDocument();
    await mapped();
    await expect(screen.getByText('contatos.csv, 6 rows to import')).toBeInTheDocument();
  },
};

function ChosenFile() {
  const { state } = useImportContactsDialogContext();
  return <p>{state.file ? `${state.file.name}, ${state.file.rowCount} rows to import` : 'Choose a CSV file exported from your CRM.'}</p>;
}
