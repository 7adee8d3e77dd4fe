import { memo, useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { attributeKeyOf, type ImportColumnTarget } from '../../core/import';
import { usePhone } from '../internal/usePhone';
import type { ContactImportResult } from '../../core/types';
import { useMessages } from './messages';
import { useControllableState } from '../internal/useControllableState';
import { useReturnFocus } from '../internal/useReturnFocus';
import { useImportContacts } from './useImportContacts';
import type { ContactField, UseImportContactsResult } from './useImportContacts';

export interface ImportContactsDialogProps {
  /** Controlled open state. @default uncontrolled */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Called once an import ends (finished or cancelled), with the totals of every batch written. */
  onImported?: (result: ContactImportResult) => void;
  /** A button that opens the dialog (wrapped with `asChild`). @default none */
  trigger?: ReactNode;
  /** Where the dialog is rendered. @default document.body */
  container?: HTMLElement | null;
  /** Classes for the dialog panel. @default undefined */
  className?: string;
}

const fields: ContactField[] = ['name', 'email', 'phone'];
const listedAttentionRows = 100;

function FileStep({ state }: { state: UseImportContactsResult }) {
  const { t } = useMessages();
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const { prepare } = state;
  // The worker loads while the person looks for the file.
  useEffect(prepare, [prepare]);
  return (
    <div
      className="reachout-import-contacts-dialog__drop"
      data-dragging={dragging ? '' : undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const dropped = event.dataTransfer.files[0];
        if (dropped) void state.chooseFile(dropped);
      }}
    >
      <label htmlFor={inputId}>{t('importContacts.file')}</label>
      <input
        id={inputId}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        aria-describedby={hintId}
        aria-invalid={state.fileError ? true : undefined}
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          if (chosen) void state.chooseFile(chosen);
        }}
      />
      <p id={hintId}>{state.fileError ? null : t('importContacts.file.hint')}</p>
      {state.fileError && <p role="alert">{t(`importContacts.file.error.${state.fileError}`)}</p>}
    </div>
  );
}

/** The country options, rendered again only when the locale or the choice changes (not on each progress tick of a check). */
const CountryOptions = memo(function CountryOptions({ locale, chosen }: { locale: string; chosen: string }) {
  const phone = usePhone();
  const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale], { type: 'region' }) : null;
  // Until the phone functions load, the chosen country is the only option.
  const countries = phone?.listCountries() ?? (chosen ? [{ country: chosen, callingCode: '' }] : []);
  return countries.map(({ country, callingCode }) => (
    <option key={country} value={country}>
      {callingCode ? `${regionNames?.of(country) ?? country} (+${callingCode})` : (regionNames?.of(country) ?? country)}
    </option>
  ));
});

const headerName = (header: string, index: number) => header || `#${index + 1}`;

/** Where one column goes: Name, Email, Phone, an attribute (with its key, editable) or nowhere. */
function ColumnTarget({ state, header, column }: { state: UseImportContactsResult; header: string; column: number }) {
  const { t } = useMessages();
  const id = useId();
  const target = state.mapping[column];
  if (!target) return null;
  const problem = state.mappingProblems.find((item) => item.column === column);
  const guessedKey = () => attributeKeyOf(state.file?.headers[column] ?? '', column);
  return (
    <div className="reachout-import-contacts-dialog__column">
      <label htmlFor={`${id}-target`}>{t('importContacts.column', { header })}</label>
      <select
        id={`${id}-target`}
        value={target.kind}
        onChange={(event) => {
          const kind = event.currentTarget.value as ImportColumnTarget['kind'];
          state.setColumnTarget(column, kind === 'attribute' ? { kind, key: guessedKey() } : { kind });
        }}
      >
        {fields.map((field) => (
          <option key={field} value={field}>
            {t(`importContacts.field.${field}`)}
          </option>
        ))}
        <option value="attribute">{t('importContacts.column.attribute')}</option>
        <option value="skip">{t('importContacts.dontImport')}</option>
      </select>
      {target.kind === 'attribute' && (
        <>
          <label htmlFor={`${id}-key`}>{t('importContacts.column.key', { header })}</label>
          <input
            id={`${id}-key`}
            value={target.key}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => state.setColumnTarget(column, { kind: 'attribute', key: event.currentTarget.value })}
          />
          {problem && (
            <p id={`${id}-problem`} className="reachout-import-contacts-dialog__problem">
              {problem.code === 'invalid_key'
                ? t('importContacts.column.key.invalid')
                : t('importContacts.column.key.duplicate', {
                    header: headerName(state.file?.headers[problem.firstColumn] ?? '', problem.firstColumn),
                  })}
            </p>
          )}
        </>
      )}
    </div>
  );
}

function MappingStep({ state }: { state: UseImportContactsResult }) {
  const { t, locale } = useMessages();
  const idBase = useId();
  const file = state.file;
  if (!file) return null;
  const attributeKeys = state.mapping.flatMap((target) => (target.kind === 'attribute' ? [target.key] : []));
  const check = state.check;
  return (
    <div className="reachout-import-contacts-dialog__mapping">
      <p>{t('importContacts.file.name', { name: file.name, count: file.rowCount })}</p>
      <fieldset>
        <legend>{t('importContacts.mapping')}</legend>
        {fields.map((field) => {
          const selected = state.mapping.findIndex((target) => target.kind === field);
          return (
            <div key={field} className="reachout-import-contacts-dialog__field">
              <label htmlFor={`${idBase}-${field}`}>{t(`importContacts.field.${field}`)}</label>
              <select
                id={`${idBase}-${field}`}
                value={selected === -1 ? '' : String(selected)}
                onChange={(event) => state.setFieldColumn(field, event.currentTarget.value === '' ? null : Number(event.currentTarget.value))}
              >
                <option value="">{t('importContacts.dontImport')}</option>
                {file.headers.map((header, index) => (
                  <option key={index} value={String(index)}>
                    {headerName(header, index)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="reachout-import-contacts-dialog__field">
          <label htmlFor={`${idBase}-country`}>{t('importContacts.field.country')}</label>
          <select id={`${idBase}-country`} value={state.country} onChange={(event) => state.setCountry(event.currentTarget.value)}>
            <option value="">{t('common.none')}</option>
            <CountryOptions locale={locale} chosen={state.country} />
          </select>
        </div>
        {attributeKeys.length > 0 && <p>{t('importContacts.attributes', { keys: attributeKeys.join(', ') })}</p>}
      </fieldset>
      {/* A region people can scroll with the keyboard too: wide files overflow sideways. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="reachout-import-contacts-dialog__preview" role="region" aria-label={t('importContacts.preview')} tabIndex={0}>
      <table>
        <caption>{t('importContacts.preview')}</caption>
        <thead>
          <tr>
            {file.headers.map((header, index) => (
              <th key={index} scope="col">
                {headerName(header, index)}
              </th>
            ))}
          </tr>
          <tr>
            {file.headers.map((header, index) => (
              <td key={index}>
                <ColumnTarget state={state} header={headerName(header, index)} column={index} />
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          {file.preview.map((record) => (
            <tr key={record.line}>
              {file.headers.map((_header, index) => (
                <td key={index}>{record.cells[index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <fieldset>
        <legend>{t('importContacts.duplicates')}</legend>
        {(['skip', 'update'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${idBase}-duplicates`}
              value={choice}
              checked={state.onDuplicate === choice}
              onChange={() => state.setOnDuplicate(choice)}
            />
            {t(`importContacts.duplicates.${choice}`)}
          </label>
        ))}
      </fieldset>
      <div role="status" aria-live="polite">
        {state.mappingProblems.length > 0
          ? t('importContacts.mapping.fix')
          : check === null
          ? state.checkProgress
            ? t('importContacts.checking.count', state.checkProgress)
            : t('importContacts.checking')
          : t('importContacts.summary', { ready: check.ready, attention: check.attentionCount })}
        {check !== null && check.corrected > 0 && <p>{t('importContacts.corrected', { count: check.corrected })}</p>}
      </div>
      {check !== null && check.attentionCount > 0 && (
        <section aria-label={t('importContacts.attention')}>
          <ul>
            {check.attention.slice(0, listedAttentionRows).map((item) => (
              <li key={item.input.row}>
                {t('importContacts.row', { row: item.input.row })}: {item.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="reachout-import-contacts-dialog__footer">
        <button type="button" data-variant="primary" disabled={check === null || check.ready === 0} onClick={state.startImport}>
          {t('importContacts.import')}
        </button>
      </div>
    </div>
  );
}

function ProgressStep({ state }: { state: UseImportContactsResult }) {
  const { t } = useMessages();
  const progress = state.progress;
  if (!progress) return null;
  return (
    <div className="reachout-import-contacts-dialog__progress">
      <progress aria-label={t('importContacts.progress')} value={progress.done} max={progress.total} />
      <p role="status">
        {t('importContacts.progress.count', { done: progress.done, total: progress.total })}
        {progress.secondsLeft !== null && ` · ${t('importContacts.progress.timeLeft', { seconds: progress.secondsLeft })}`}
      </p>
      {progress.failed && <p role="alert">{t('importContacts.failed')}</p>}
      <div className="reachout-import-contacts-dialog__footer">
        <button type="button" onClick={state.cancelImport}>
          {t('common.cancel')}
        </button>
        {progress.failed && (
          <button type="button" data-variant="primary" onClick={state.retry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

function ReportStep({ state, onClose }: { state: UseImportContactsResult; onClose: () => void }) {
  const { t } = useMessages();
  const progress = state.progress;
  if (!progress) return null;
  const skipped = progress.skipped.length + (state.check?.attentionCount ?? 0);
  const download = async () => {
    const csv = await state.reportCsv({
      row: t('importContacts.row', { row: '' }).trim(),
      name: t('importContacts.field.name'),
      email: t('importContacts.field.email'),
      phone: t('importContacts.field.phone'),
      reason: t('importContacts.report.reason'),
      notSent: t('importContacts.report.notSent'),
    });
    const url = URL.createObjectURL(new Blob([`\ufeff${csv}`], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'import-report.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <div className="reachout-import-contacts-dialog__report">
      <p role="status">{t('importContacts.report', { created: progress.created, updated: progress.updated, skipped })}</p>
      {progress.cancelled && <p>{t('importContacts.report.cancelled', { done: progress.done, total: progress.total })}</p>}
      <div className="reachout-import-contacts-dialog__footer">
        <button type="button" onClick={() => void download()}>
          {t('importContacts.report.download')}
        </button>
        <button type="button" data-variant="primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}

/**
 * The "Import contacts" dialog: a CSV file (picker or drag and drop; UTF-8 or UTF-16, `,` `;` or
 * tab separated), the columns for "Name", "Email" and "Phone" (guessed from the headers; other
 * columns become attributes), "Country" for numbers without a `+` code, "Skip" or "Update" for
 * contacts that exist, a check of every row ("9,812 ready, 143 need attention"), then "Import"
 * in batches of at most 1,000 through the provider's `importContacts`, with progress, Cancel and
 * Retry, and a report with "Download report". Explains itself when the provider has no
 * `importContacts`. The state alone is `useImportContacts`.
 *
 * @example
 * <ImportContactsDialog open={open} onOpenChange={setOpen} onImported={(result) => toast(`${result.created} imported`)} />
 */
export function ImportContactsDialog({ open, defaultOpen, onOpenChange, onImported, trigger, container, className }: ImportContactsDialogProps) {
  const { t } = useMessages();
  const [isOpen, setOpen] = useControllableState({ value: open, defaultValue: defaultOpen ?? false, onChange: onOpenChange });
  const state = useImportContacts({ onImported });
  const { rememberOpener, returnFocus } = useReturnFocus();
  const close = () => {
    setOpen(false);
    if (state.step === 'report') state.reset();
  };
  return (
    <Dialog.Root open={isOpen} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      {trigger !== undefined && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="reachout-import-contacts-dialog__overlay" />
        <Dialog.Content
          className={['reachout-import-contacts-dialog', className].filter(Boolean).join(' ')}
          data-step={state.step}
          aria-busy={state.step === 'importing' ? true : undefined}
          onOpenAutoFocus={rememberOpener}
          onCloseAutoFocus={returnFocus}
        >
          <div className="reachout-import-contacts-dialog__header">
            <Dialog.Title>{t('importContacts.title')}</Dialog.Title>
            <Dialog.Description>{t('importContacts.description')}</Dialog.Description>
            <Dialog.Close aria-label={t('common.close')}>×</Dialog.Close>
          </div>
          {!state.supported ? (
            <p role="alert">{t('importContacts.unsupported')}</p>
          ) : state.step === 'file' ? (
            <FileStep state={state} />
          ) : state.step === 'mapping' ? (
            <MappingStep state={state} />
          ) : state.step === 'importing' ? (
            <ProgressStep state={state} />
          ) : (
            <ReportStep state={state} onClose={close} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
