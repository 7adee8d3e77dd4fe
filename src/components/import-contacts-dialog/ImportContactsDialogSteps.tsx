import { forwardRef, memo, useEffect, useId, useState } from 'react';
import type { ComponentPropsWithoutRef, ComponentType, Ref } from 'react';
import { attributeKeyOf, type ImportColumnTarget } from '../../core/import';
import { usePhone } from '../internal/usePhone';
import { useMessages } from './messages';
import { useImportContactsDialogContext, usePartClassName } from './ImportContactsDialogParts';
import type { ContactField, ImportStep, UseImportContactsResult } from './useImportContacts';

type StepRootProps = ComponentPropsWithoutRef<'div'> & { ref: Ref<HTMLDivElement> };

const fields: ContactField[] = ['name', 'email', 'phone'];
const listedAttentionRows = 100;

function FileStepView({ state, root }: { state: UseImportContactsResult; root: StepRootProps }) {
  const { t } = useMessages();
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  const { prepare } = state;
  // The worker loads while the person looks for the file.
  useEffect(prepare, [prepare]);
  return (
    <div
      {...root}
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

function MappingStepView({ state, root }: { state: UseImportContactsResult; root: StepRootProps }) {
  const { t, locale } = useMessages();
  const idBase = useId();
  const file = state.file;
  if (!file) return null;
  const attributeKeys = state.mapping.flatMap((target) => (target.kind === 'attribute' ? [target.key] : []));
  const check = state.check;
  return (
    <div {...root}>
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

function ProgressStepView({ state, root }: { state: UseImportContactsResult; root: StepRootProps }) {
  const { t } = useMessages();
  const progress = state.progress;
  if (!progress) return null;
  return (
    <div {...root}>
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

function ReportStepView({ state, onClose, root }: { state: UseImportContactsResult; onClose: () => void; root: StepRootProps }) {
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
    <div {...root}>
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


export interface ImportContactsDialogStepProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/** A step part: renders its view only while the import is at `step` (and the provider can import). */
function stepPart(part: string, step: ImportStep, slot: string, partClass: string, View: ComponentType<{ state: UseImportContactsResult; root: StepRootProps }>) {
  const StepPart = forwardRef<HTMLDivElement, ImportContactsDialogStepProps>(function StepPart({ unstyled, className, ...props }, ref) {
    const { state } = useImportContactsDialogContext(`ImportContactsDialog.${part}`);
    const stepClass = usePartClassName(`ImportContactsDialog.${part}`, partClass, unstyled, className);
    if (!state.supported || state.step !== step) return null;
    return <View state={state} root={{ ...props, ref, className: stepClass, 'data-slot': slot } as StepRootProps} />;
  });
  StepPart.displayName = `ImportContactsDialog${part}`;
  return StepPart;
}

function ReportStepWithClose({ state, root }: { state: UseImportContactsResult; root: StepRootProps }) {
  const { close } = useImportContactsDialogContext('ImportContactsDialog.ReportStep');
  return <ReportStepView state={state} onClose={close} root={root} />;
}

/** The file step: a picker and a drop zone for the CSV file, with what went wrong reading it. */
export const ImportContactsDialogFileStep = /* @__PURE__ */ stepPart('FileStep', 'file', 'import-contacts-dialog-file-step', 'reachout-import-contacts-dialog__drop', FileStepView);
/** The mapping step: the columns, Country, the preview, Skip or Update, the check of every row, and Import. */
export const ImportContactsDialogMappingStep = /* @__PURE__ */ stepPart('MappingStep', 'mapping', 'import-contacts-dialog-mapping-step', 'reachout-import-contacts-dialog__mapping', MappingStepView);
/** The progress step: the batches written so far, time left, Cancel, and Retry after a failed batch. */
export const ImportContactsDialogProgressStep = /* @__PURE__ */ stepPart('ProgressStep', 'importing', 'import-contacts-dialog-progress-step', 'reachout-import-contacts-dialog__progress', ProgressStepView);
/** The report step: created, updated and skipped, "Download report" and Close (which starts over). */
export const ImportContactsDialogReportStep = /* @__PURE__ */ stepPart('ReportStep', 'report', 'import-contacts-dialog-report-step', 'reachout-import-contacts-dialog__report', ReportStepWithClose);

export interface ImportContactsDialogUnsupportedProps extends ComponentPropsWithoutRef<'p'> {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/** Says the provider cannot import contacts (it has no `importContacts`); renders nothing otherwise. */
export const ImportContactsDialogUnsupported = forwardRef<HTMLParagraphElement, ImportContactsDialogUnsupportedProps>(
  function ImportContactsDialogUnsupported({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const { state } = useImportContactsDialogContext('ImportContactsDialog.Unsupported');
    const partClass = usePartClassName('ImportContactsDialog.Unsupported', 'reachout-import-contacts-dialog__unsupported', unstyled, className);
    if (state.supported) return null;
    return (
      <p ref={ref} role="alert" data-slot="import-contacts-dialog-unsupported" className={partClass} {...props}>
        {children ?? t('importContacts.unsupported')}
      </p>
    );
  },
);
