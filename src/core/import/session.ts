// The work behind ImportContactsDialog that touches every row of a file: reading, splitting,
// mapping and checking it, handing out the ready rows batch by batch, and writing the report.
// It runs inside a module worker (./worker.ts) so 100,000 rows never block the page, or on the
// calling thread when there is no worker (server rendering, jsdom tests): the same code either way.

import type { ContactImportRow, E164 } from '../types';
import type { CsvDelimiter, CsvRecord } from './csv';
import type { CsvEncoding } from './decode';
import { rowsFromRecords, type ImportColumnTarget } from './mapping';
import { readImportFile, type ImportAttentionRow, type ImportFileFailure } from './prepare';
import { checkImportRow, duplicateInFileMessage, maxImportBatchRows, type ContactImportSkip } from './rules';

/** What the page needs of a file that was read: its headers, a few rows to preview and how many there are. */
export interface ImportFileSummary {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  /** The first data rows, for the mapping table. */
  preview: CsvRecord[];
  rowCount: number;
}

export type ImportReadResult = ({ ok: true } & ImportFileSummary) | { ok: false; reason: ImportFileFailure };

/** The check of every row under a mapping, without the rows themselves (they stay in the session). */
export interface ImportCheckSummary {
  ready: number;
  /** Ready rows whose phone was a legacy form rewritten (Brazil's ninth digit, Mexico's `+52 1`). */
  corrected: number;
  attentionCount: number;
  /** The first rows that need attention, in file order (at most `listedAttentionRows`). */
  attention: ImportAttentionRow[];
  /** Batches of at most 1,000 ready rows, fetched one at a time with `batch(index)`. */
  batchCount: number;
}

/** Column titles of the downloadable report, in the person's language. */
export interface ImportReportLabels {
  row: string;
  name: string;
  email: string;
  phone: string;
  reason: string;
  notSent: string;
}

/** Progress of the work in hand: rows checked so far of all of them. */
export type ImportSessionProgress = (done: number, total: number) => void;

/** One import's rows, from the file to the report. Every method is asynchronous so a worker can serve it. */
export interface ImportSession {
  read(file: Blob): Promise<ImportReadResult>;
  /** Checks every row under `mapping`; a newer `check` makes an unfinished one reject with an `AbortError`. */
  check(mapping: ImportColumnTarget[], country: string, onProgress?: ImportSessionProgress): Promise<ImportCheckSummary>;
  /** The ready rows of the last check's batch `index`, as `importContacts` takes them. */
  batch(index: number): Promise<ContactImportRow[]>;
  /** The report as CSV: rows that need attention, rows the provider skipped, rows of batches from `notSentFrom` on. */
  report(labels: ImportReportLabels, skipped: ContactImportSkip[], notSentFrom: number | null): Promise<string>;
  dispose(): void;
}

export const listedAttentionRows = 100;
const checkStepRows = 2000;

const abortError = () => new DOMException('A newer check replaced this one', 'AbortError');
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The session that does the work on the calling thread. */
export function createImportSession(): ImportSession {
  let records: CsvRecord[] = [];
  let rows: ContactImportRow[] = [];
  let ready: ContactImportRow[] = [];
  let attention: ImportAttentionRow[] = [];
  let generation = 0;

  return {
    async read(file) {
      const result = readImportFile(new Uint8Array(await file.arrayBuffer()));
      generation += 1;
      rows = [];
      ready = [];
      attention = [];
      if (!result.ok) {
        records = [];
        return result;
      }
      records = result.records;
      const { encoding, delimiter, headers } = result;
      return { ok: true, encoding, delimiter, headers, preview: records.slice(0, 5), rowCount: records.length };
    },

    async check(mapping, country, onProgress) {
      generation += 1;
      const mine = generation;
      const defaultCountry = country || undefined;
      const checkedRows = rowsFromRecords(records, mapping);
      const checkedReady: ContactImportRow[] = [];
      const checkedAttention: ImportAttentionRow[] = [];
      const firstRowByPhone = new Map<E164, number>();
      let corrected = 0;
      for (let start = 0; start < checkedRows.length; start += checkStepRows) {
        // Between steps a newer check (the person changed the mapping again) may arrive.
        if (start > 0) await nextTask();
        if (mine !== generation) throw abortError();
        for (const input of checkedRows.slice(start, start + checkStepRows)) {
          const result = checkImportRow(input, defaultCountry);
          if (!result.ok) {
            checkedAttention.push({ input, code: 'VALIDATION', message: result.message });
            continue;
          }
          const firstRow = firstRowByPhone.get(result.value.phone);
          if (firstRow !== undefined) {
            checkedAttention.push({ input, code: 'DUPLICATE_IN_FILE', message: duplicateInFileMessage(firstRow) });
            continue;
          }
          firstRowByPhone.set(result.value.phone, input.row);
          const { row, name, email, phone, attributes, correction } = result.value;
          checkedReady.push({ row, name, phone, ...(email ? { email } : {}), ...(attributes ? { attributes } : {}) });
          if (correction) corrected += 1;
        }
        onProgress?.(Math.min(checkedRows.length, start + checkStepRows), checkedRows.length);
      }
      rows = checkedRows;
      ready = checkedReady;
      attention = checkedAttention;
      return {
        ready: ready.length,
        corrected,
        attentionCount: attention.length,
        attention: attention.slice(0, listedAttentionRows),
        batchCount: Math.ceil(ready.length / maxImportBatchRows),
      };
    },

    async batch(index) {
      return ready.slice(index * maxImportBatchRows, (index + 1) * maxImportBatchRows);
    },

    async report(labels, skipped, notSentFrom) {
      const byRow = new Map(rows.map((row) => [row.row, row]));
      const lines: { row: number; cells: string[] }[] = [];
      const add = (rowNumber: number, reason: string) => {
        const row = byRow.get(rowNumber);
        lines.push({ row: rowNumber, cells: [String(rowNumber), row?.name ?? '', row?.email ?? '', row?.phone ?? '', reason] });
      };
      for (const item of attention) add(item.input.row, item.message);
      for (const skip of skipped) add(skip.row, skip.message);
      if (notSentFrom !== null) for (const row of ready.slice(notSentFrom * maxImportBatchRows)) add(row.row, labels.notSent);
      lines.sort((left, right) => left.row - right.row);
      const header = [labels.row, labels.name, labels.email, labels.phone, labels.reason];
      return [header, ...lines.map((line) => line.cells)].map((cells) => cells.map(csvCell).join(',')).join('\r\n');
    },

    dispose() {
      generation += 1;
      records = [];
      rows = [];
      ready = [];
      attention = [];
    },
  };
}
