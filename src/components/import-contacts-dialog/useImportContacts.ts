import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkColumnMapping, guessColumnMapping, remapColumn, type ImportColumnTarget, type ImportFileFailure } from '../../core/import';
import { openImportSession, type ImportSessionPlace } from '../../core/import/client';
import type { ImportCheckSummary, ImportFileSummary, ImportReportLabels, ImportSession } from '../../core/import/session';
import { isReachoutError } from '../../core/errors';
import type { ContactImportResult } from '../../core/types';
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

/** The file being imported, as read (its rows stay with the import session, off the main thread). */
export interface ImportFile extends ImportFileSummary {
  name: string;
}

export interface UseImportContactsOptions {
  /** Called once an import ends (finished or cancelled), with the totals of every batch written. */
  onImported?: (result: ContactImportResult) => void;
  /**
   * Where files are read and checked: `'worker'` (a module worker when the page can start one,
   * else the page) or `'inline'` (always the page, in steps).
   * @default 'worker'
   */
  sessionPlace?: ImportSessionPlace;
}

/** Failures worth retrying with the same key: the batch may or may not have been written. */
const retryable = (error: unknown) => !isReachoutError(error) || error.code === 'NETWORK' || error.code === 'UNKNOWN' || error.code === 'RATE_LIMITED';

/** The region of a locale (`pt-BR` → `BR`), without loading the phone metadata. */
function regionOf(locale: string | undefined): string {
  if (!locale) return '';
  try {
    return new Intl.Locale(locale).maximize().region ?? '';
  } catch {
    return '';
  }
}

/**
 * The headless state of ImportContactsDialog: the file, its column mapping, the check of every
 * row, the import in batches of at most 1,000 rows with progress, cancel and retry (same
 * idempotency key), and the report. Reading and checking run in a module worker when the page
 * can start one (else in steps on the page), so 100,000 rows never block it; only counts reach
 * the page. Nothing is lost while the hook stays mounted.
 */
export function useImportContacts(options: UseImportContactsOptions = {}) {
  const { dataProvider, queryClient, locale } = useReachout();
  const supported = typeof dataProvider.importContacts === 'function';
  const [step, setStep] = useState<ImportStep>('file');
  const [file, setFile] = useState<ImportFile | null>(null);
  const [fileError, setFileError] = useState<ImportFileFailure | null>(null);
  const [reading, setReading] = useState(false);
  const [mapping, setMapping] = useState<ImportColumnTarget[]>([]);
  const [country, setCountry] = useState<string>(() => regionOf(locale));
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  /** The last check, with the mapping and country it was made for (a newer mapping makes it stale). */
  const [checked, setChecked] = useState<{ mapping: ImportColumnTarget[]; country: string; check: ImportCheckSummary } | null>(null);
  const [checking, setChecking] = useState<{ mapping: ImportColumnTarget[]; country: string; done: number; total: number } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const sessionRef = useRef<Promise<ImportSession> | null>(null);
  const runRef = useRef<{ keyPrefix: string; batchCount: number; next: number; cancel: boolean; startedAt: number } | null>(null);
  const onImportedRef = useRef(options.onImported);
  const sessionPlace = options.sessionPlace;
  useEffect(() => {
    onImportedRef.current = options.onImported;
  });

  const session = useCallback(() => {
    sessionRef.current ??= openImportSession({ place: sessionPlace });
    return sessionRef.current;
  }, [sessionPlace]);

  useEffect(
    () => () => {
      void sessionRef.current?.then((opened) => opened.dispose());
      sessionRef.current = null;
    },
    [],
  );

  /** Starts loading the import session (its worker) ahead of a file, as the file step shows. */
  const prepare = useCallback(() => void session(), [session]);

  const chooseFile = useCallback(
    async (chosen: File) => {
      setReading(true);
      try {
        const result = await (await session()).read(chosen);
        if (!result.ok) {
          setFileError(result.reason);
          setFile(null);
          return;
        }
        const { ok: _ok, ...summary } = result;
        setFileError(null);
        setChecked(null);
        setFile({ name: chosen.name, ...summary });
        setMapping(guessColumnMapping(summary.headers));
        setStep('mapping');
      } finally {
        setReading(false);
      }
    },
    [session],
  );

  /** Attribute keys that break the key rule or repeat another column's: rows are checked once there are none. */
  const mappingProblems = useMemo(() => checkColumnMapping(mapping), [mapping]);
  const mappingUsable = mappingProblems.length === 0;

  useEffect(() => {
    if (!file || !mappingUsable) return undefined;
    let current = true;
    void session()
      .then((opened) => opened.check(mapping, country, (done, total) => current && setChecking({ mapping, country, done, total })))
      .then(
        (check) => current && setChecked({ mapping, country, check }),
        // A newer check replaced this one.
        () => {},
      );
    return () => {
      current = false;
    };
  }, [file, mapping, mappingUsable, country, session]);

  const check = checked !== null && checked.mapping === mapping && checked.country === country ? checked.check : null;
  const checkProgress =
    check === null && checking !== null && checking.mapping === mapping && checking.country === country
      ? { done: checking.done, total: checking.total }
      : null;

  /** Sends the column at `columnIndex` to `target`; a contact field leaves the column that had it, which goes back to an attribute. */
  const setColumnTarget = useCallback(
    (columnIndex: number, target: ImportColumnTarget) => {
      if (!file) return;
      setMapping((current) => remapColumn(current, file.headers, columnIndex, target));
    },
    [file],
  );

  /** Maps `field` to the column at `columnIndex` (`null`: no column); the column it left becomes an attribute again. */
  const setFieldColumn = useCallback(
    (field: ContactField, columnIndex: number | null) => {
      if (!file) return;
      setMapping((current) => {
        if (columnIndex !== null) return remapColumn(current, file.headers, columnIndex, { kind: field });
        const previous = current.findIndex((target) => target.kind === field);
        return previous === -1 ? current : remapColumn(current, file.headers, previous, { kind: 'skip' });
      });
    },
    [file],
  );

  const runBatches = useCallback(async () => {
    const run = runRef.current;
    const importContacts = dataProvider.importContacts?.bind(dataProvider);
    if (!run || !importContacts) return;
    const opened = await session();
    setProgress((current) => (current ? { ...current, failed: false } : current));
    while (run.next < run.batchCount && !run.cancel) {
      const index = run.next;
      const batch = await opened.batch(index);
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
  }, [country, dataProvider, onDuplicate, queryClient, session]);

  const startImport = useCallback(() => {
    if (!check || check.ready === 0) return;
    runRef.current = {
      keyPrefix: `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      batchCount: check.batchCount,
      next: 0,
      cancel: false,
      startedAt: Date.now(),
    };
    setProgress({ done: 0, total: check.ready, created: 0, updated: 0, skipped: [], failed: false, cancelled: false, secondsLeft: null });
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
    setChecking(null);
    setProgress(null);
  }, []);

  /** The report as CSV: each row not imported (attention, skipped by the provider, not sent) with its reason, in file order. */
  const reportCsv = useCallback(
    async (labels: ImportReportLabels) => {
      const run = runRef.current;
      const notSentFrom = run && run.next < run.batchCount ? run.next : null;
      return (await session()).report(labels, progress?.skipped ?? [], notSentFrom);
    },
    [progress, session],
  );

  return {
    supported,
    step,
    file,
    fileError,
    /** True while a chosen file is read. */
    reading,
    mapping,
    mappingProblems,
    country,
    setCountry,
    onDuplicate,
    setOnDuplicate,
    /** The check of every row under the current mapping and country; `null` while it runs. */
    check,
    /** Rows checked so far while a check runs. */
    checkProgress,
    progress,
    chooseFile,
    prepare,
    setFieldColumn,
    setColumnTarget,
    startImport,
    cancelImport,
    retry,
    reset,
    reportCsv,
  };
}

export type UseImportContactsResult = ReturnType<typeof useImportContacts>;
