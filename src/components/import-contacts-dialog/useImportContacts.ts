import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  checkImportRowsInSteps,
  guessColumnMapping,
  readImportFile,
  rowsFromRecords,
  splitIntoBatches,
  type ImportCheck,
  type ImportColumnTarget,
  type ImportFileFailure,
} from '../../core/import';
import { isReachoutError } from '../../core/errors';
import { countryFromLocale } from '../../core/phone';
import type { ContactImportResult, ContactImportRow } from '../../core/types';
import { reachoutKeys } from '../../data/reachoutKeys';
import { useReachout } from '../../data/useReachout';

export type ImportStep = 'file' | 'mapping' | 'importing' | 'report';
export type ContactField = 'name' | 'email' | 'phone';

export interface ImportProgress {
  /** Rows sent in batches that were written. */
  done: number;
  total: number;
  created: number;
  updated: number;
  skipped: ContactImportResult['skipped'];
  /** Set while a failed batch waits for "Retry". */
  failed: boolean;
  cancelled: boolean;
  /** Estimated from the batches so far; `null` before the first one ends. */
  secondsLeft: number | null;
}

interface LoadedFile {
  name: string;
  headers: string[];
  records: Parameters<typeof rowsFromRecords>[0];
}

/** Failures worth retrying with the same key: the batch may or may not have been written. */
const retryable = (error: unknown) => !isReachoutError(error) || error.code === 'NETWORK' || error.code === 'UNKNOWN' || error.code === 'RATE_LIMITED';

/**
 * The headless state of ImportContactsDialog: the file, its column mapping, the check of every
 * row (in steps, so the page stays responsive), the import in batches of at most 1,000 rows with
 * progress, cancel and retry (same idempotency key), and the report. Nothing is lost while the
 * hook stays mounted.
 */
export function useImportContacts(options: { onImported?: (result: ContactImportResult) => void } = {}) {
  const { dataProvider, queryClient, locale } = useReachout();
  const supported = typeof dataProvider.importContacts === 'function';
  const [step, setStep] = useState<ImportStep>('file');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<ImportFileFailure | null>(null);
  const [mapping, setMapping] = useState<ImportColumnTarget[]>([]);
  const [country, setCountry] = useState<string>(() => countryFromLocale(locale) ?? '');
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  /** The last check, with the rows and country it was made for (a newer mapping makes it stale). */
  const [checked, setChecked] = useState<{ rows: ContactImportRow[]; country: string; check: ImportCheck } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const runRef = useRef<{ keyPrefix: string; batches: ContactImportRow[][]; next: number; cancel: boolean; startedAt: number } | null>(null);
  const onImportedRef = useRef(options.onImported);
  useEffect(() => {
    onImportedRef.current = options.onImported;
  });

  const chooseFile = useCallback(async (chosen: File) => {
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    const result = readImportFile(bytes);
    if (!result.ok) {
      setFileError(result.reason);
      setFile(null);
      return;
    }
    setFileError(null);
    setFile({ name: chosen.name, headers: result.headers, records: result.records });
    setMapping(guessColumnMapping(result.headers));
    setStep('mapping');
  }, []);

  const rows = useMemo(() => (file ? rowsFromRecords(file.records, mapping) : []), [file, mapping]);

  useEffect(() => {
    if (!file) return undefined;
    const controller = new AbortController();
    checkImportRowsInSteps(rows, country || undefined, { signal: controller.signal }).then(
      (check) => setChecked({ rows, country, check }),
      () => {},
    );
    return () => controller.abort();
  }, [file, rows, country]);

  /** Maps `field` to the column at `columnIndex` (`null`: no column); the column it left becomes an attribute again. */
  const check = checked !== null && checked.rows === rows && checked.country === country ? checked.check : null;

  const setFieldColumn = useCallback(
    (field: ContactField, columnIndex: number | null) => {
      if (!file) return;
      const guessed = guessColumnMapping(file.headers.map((header, index) => (index === columnIndex ? '' : header)));
      setMapping((current) =>
        current.map((target, index) => {
          if (index === columnIndex) return { kind: field };
          if (target.kind === field) {
            const fallback = guessed[index];
            return fallback && fallback.kind === 'attribute' ? fallback : { kind: 'attribute', key: `column_${index + 1}` };
          }
          return target;
        }),
      );
    },
    [file],
  );

  const runBatches = useCallback(async () => {
    const run = runRef.current;
    const importContacts = dataProvider.importContacts?.bind(dataProvider);
    if (!run || !importContacts) return;
    setProgress((current) => (current ? { ...current, failed: false } : current));
    while (run.next < run.batches.length && !run.cancel) {
      const index = run.next;
      const batch = run.batches[index] as ContactImportRow[];
      const input = { idempotencyKey: `${run.keyPrefix}-${index}`, rows: batch, onDuplicate, ...(country ? { defaultCountry: country } : {}) };
      let result: ContactImportResult | null = null;
      for (let attempt = 0; attempt < 2 && result === null; attempt += 1) {
        try {
          result = await importContacts({ input });
        } catch (error) {
          if (!retryable(error) || attempt === 1) break;
        }
      }
      if (result === null) {
        setProgress((current) => (current ? { ...current, failed: true } : current));
        return;
      }
      run.next += 1;
      const written = result;
      void queryClient.invalidateQueries({ queryKey: reachoutKeys.contacts.lists });
      setProgress((current) => {
        if (!current) return current;
        const done = current.done + batch.length;
        const elapsed = (Date.now() - run.startedAt) / 1000;
        return {
          ...current,
          done,
          created: current.created + written.created,
          updated: current.updated + written.updated,
          skipped: [...current.skipped, ...written.skipped],
          secondsLeft: Math.ceil((elapsed / done) * (current.total - done)),
        };
      });
    }
    setProgress((current) => {
      if (!current) return current;
      const finished = { ...current, cancelled: run.cancel, secondsLeft: 0 };
      onImportedRef.current?.({ created: finished.created, updated: finished.updated, skipped: finished.skipped });
      return finished;
    });
    setStep('report');
  }, [country, dataProvider, onDuplicate, queryClient]);

  const startImport = useCallback(() => {
    if (!check || check.ready.length === 0) return;
    const rowsToSend = check.ready.map(({ row, name, email, phone, attributes }) => ({
      row,
      name,
      phone,
      ...(email ? { email } : {}),
      ...(attributes ? { attributes } : {}),
    }));
    runRef.current = {
      keyPrefix: `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      batches: splitIntoBatches(rowsToSend),
      next: 0,
      cancel: false,
      startedAt: Date.now(),
    };
    setProgress({ done: 0, total: rowsToSend.length, created: 0, updated: 0, skipped: [], failed: false, cancelled: false, secondsLeft: null });
    setStep('importing');
    void runBatches();
  }, [check, runBatches]);

  const cancelImport = useCallback(() => {
    if (runRef.current) runRef.current.cancel = true;
    // A failed batch waits for nothing: cancelling it ends the import now.
    if (progress?.failed) {
      setProgress((current) => (current ? { ...current, failed: false, cancelled: true } : current));
      setStep('report');
    }
  }, [progress?.failed]);

  const retry = useCallback(() => void runBatches(), [runBatches]);

  const reset = useCallback(() => {
    runRef.current = null;
    setStep('file');
    setFile(null);
    setFileError(null);
    setChecked(null);
    setProgress(null);
  }, []);

  /** The report as CSV: each row not imported (attention, skipped by the provider, not sent) with its reason. */
  const reportCsv = useCallback(
    (labels: { row: string; name: string; email: string; phone: string; reason: string; notSent: string }) => {
      const byRow = new Map(rows.map((row) => [row.row, row]));
      const lines: string[][] = [[labels.row, labels.name, labels.email, labels.phone, labels.reason]];
      const add = (rowNumber: number, reason: string) => {
        const row = byRow.get(rowNumber);
        lines.push([String(rowNumber), row?.name ?? '', row?.email ?? '', row?.phone ?? '', reason]);
      };
      for (const item of check?.attention ?? []) add(item.input.row, item.message);
      for (const skip of progress?.skipped ?? []) add(skip.row, skip.message);
      const run = runRef.current;
      if (run) for (const batch of run.batches.slice(run.next)) for (const row of batch) add(row.row, labels.notSent);
      lines.sort((left, right) => (left === lines[0] ? -1 : right === lines[0] ? 1 : Number(left[0]) - Number(right[0])));
      return lines.map((cells) => cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\r\n');
    },
    [check, progress, rows],
  );

  return {
    supported,
    step,
    file,
    fileError,
    mapping,
    rows,
    country,
    setCountry,
    onDuplicate,
    setOnDuplicate,
    check,
    progress,
    chooseFile,
    setFieldColumn,
    startImport,
    cancelImport,
    retry,
    reset,
    reportCsv,
  };
}

export type UseImportContactsResult = ReturnType<typeof useImportContacts>;
