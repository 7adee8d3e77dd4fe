import type { ContactImportRow, ContactImportSkipCode, E164 } from '../types';
import { detectCsvDelimiter, parseCsv, type CsvDelimiter, type CsvRecord } from './csv';
import { decodeCsvBytes, type CsvEncoding } from './decode';
import { checkImportRow, duplicateInFileMessage, type ValidImportRow } from './rules';

/** Why a file cannot be imported: `decodeCsvBytes`'s reasons, or a header with no rows under it. */
export type ImportFileFailure = 'empty' | 'binary' | 'encoding' | 'no_rows';

export type ImportFileResult =
  | {
      ok: true;
      encoding: CsvEncoding;
      delimiter: CsvDelimiter;
      /** The first row's cells. */
      headers: string[];
      /** Every other non-blank row. */
      records: CsvRecord[];
    }
  | { ok: false; reason: ImportFileFailure };

/** Decodes and splits an import file: its header row and data rows, or why it cannot be read. */
export function readImportFile(bytes: Uint8Array): ImportFileResult {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const delimiter = detectCsvDelimiter(decoded.text);
  const [header, ...records] = parseCsv(decoded.text, delimiter);
  if (!header) return { ok: false, reason: 'empty' };
  if (records.length === 0) return { ok: false, reason: 'no_rows' };
  return { ok: true, encoding: decoded.encoding, delimiter, headers: header.cells.map((cell) => cell.trim()), records };
}

/** A row that needs attention before import, with why. */
export interface ImportAttentionRow {
  input: ContactImportRow;
  code: Exclude<ContactImportSkipCode, 'CONFLICT'>;
  message: string;
}

/** The check of a whole file before anything is written. */
export interface ImportCheck {
  /** Valid rows, each the first in the file with its phone. */
  ready: ValidImportRow[];
  attention: ImportAttentionRow[];
  /** Ready rows whose phone was a legacy form rewritten (Brazil's ninth digit, Mexico's `+52 1`). */
  corrected: number;
}

/**
 * Checks every row as `importContacts` will (`checkImportRow`: the contact schema, E.164 with
 * `defaultCountry`), and finds rows repeating an earlier row's phone however it was typed
 * (`DUPLICATE_IN_FILE`).
 */
export function checkImportRows(rows: readonly ContactImportRow[], defaultCountry?: string): ImportCheck {
  const check: ImportCheck = { ready: [], attention: [], corrected: 0 };
  checkRowsInto(check, new Map(), rows, defaultCountry);
  return check;
}

function checkRowsInto(check: ImportCheck, firstRowByPhone: Map<E164, number>, rows: readonly ContactImportRow[], defaultCountry?: string) {
  for (const input of rows) {
    const result = checkImportRow(input, defaultCountry);
    if (!result.ok) {
      check.attention.push({ input, code: 'VALIDATION', message: result.message });
      continue;
    }
    const firstRow = firstRowByPhone.get(result.value.phone);
    if (firstRow !== undefined) {
      check.attention.push({ input, code: 'DUPLICATE_IN_FILE', message: duplicateInFileMessage(firstRow) });
      continue;
    }
    firstRowByPhone.set(result.value.phone, input.row);
    check.ready.push(result.value);
    if (result.value.correction) check.corrected += 1;
  }
}

/**
 * `checkImportRows` in steps of `stepRows` rows, yielding to the event loop between them (so a
 * page stays responsive while 100,000 rows are checked on its main thread); rejects with the
 * signal's reason once it is aborted. Same result as `checkImportRows`.
 */
export async function checkImportRowsInSteps(
  rows: readonly ContactImportRow[],
  defaultCountry: string | undefined,
  options: { signal?: AbortSignal; stepRows?: number; onProgress?: (checked: number) => void } = {},
): Promise<ImportCheck> {
  const check: ImportCheck = { ready: [], attention: [], corrected: 0 };
  const firstRowByPhone = new Map<E164, number>();
  const stepRows = options.stepRows ?? 1000;
  for (let start = 0; start < rows.length; start += stepRows) {
    options.signal?.throwIfAborted();
    checkRowsInto(check, firstRowByPhone, rows.slice(start, start + stepRows), defaultCountry);
    options.onProgress?.(Math.min(rows.length, start + stepRows));
    if (start + stepRows < rows.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  options.signal?.throwIfAborted();
  return check;
}
