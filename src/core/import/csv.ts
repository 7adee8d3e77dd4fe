export type CsvDelimiter = ',' | ';' | '\t';

/** One row of a CSV file. */
export interface CsvRecord {
  /** 1-based line of the file the row starts on (a quoted field may span lines). */
  line: number;
  cells: string[];
}

const candidateDelimiters: readonly CsvDelimiter[] = [',', ';', '\t'];

const quote = 34; // "
const lineFeed = 10;
const carriageReturn = 13;

/** Line breaks in a quoted value: `\n`, `\r\n` and a lone `\r` (old Mac files) count one each. */
function countLineBreaks(value: string): number {
  let count = 0;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code === lineFeed || (code === carriageReturn && value.charCodeAt(index + 1) !== lineFeed)) count += 1;
  }
  return count;
}

/**
 * Splits CSV text (RFC 4180: quoted fields with `""`, delimiters and line breaks inside quotes;
 * `\n`, `\r\n` or `\r` line ends) into records. Rows with only empty cells (blank lines) are left
 * out. An unclosed quote runs to the end of the text.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  const records: CsvRecord[] = [];
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  let line = 1;
  let index = 0;
  while (index < length) {
    const recordLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let cell: string;
      if (text.charCodeAt(index) === quote) {
        let value = '';
        let start = index + 1;
        for (;;) {
          const closing = text.indexOf('"', start);
          if (closing === -1) {
            value += text.slice(start);
            index = length;
            break;
          }
          value += text.slice(start, closing);
          if (text.charCodeAt(closing + 1) === quote) {
            value += '"';
            start = closing + 2;
            continue;
          }
          index = closing + 1;
          break;
        }
        line += countLineBreaks(value);
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        let end = index;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === separator || code === lineFeed || code === carriageReturn) break;
          end += 1;
        }
        cell = value + text.slice(index, end);
        index = end;
      } else {
        let end = index;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === separator || code === lineFeed || code === carriageReturn) break;
          end += 1;
        }
        cell = text.slice(index, end);
        index = end;
      }
      cells.push(cell);
      if (index >= length) {
        endOfRecord = true;
      } else {
        const code = text.charCodeAt(index);
        if (code === separator) {
          index += 1;
          // A delimiter at the very end still opens one more (empty) cell.
          if (index >= length) {
            cells.push('');
            endOfRecord = true;
          }
        } else {
          index += code === carriageReturn && text.charCodeAt(index + 1) === lineFeed ? 2 : 1;
          line += 1;
          endOfRecord = true;
        }
      }
    }
    if (cells.some((cell) => cell.trim() !== '')) records.push({ line: recordLine, cells });
  }
  return records;
}

/**
 * The delimiter of a CSV file: `,`, `;` (spreadsheets in European locales) or tab ("Unicode
 * text" exports), chosen as the one that splits the first rows into the same number of columns
 * (more than one), the most columns winning a tie. `,` when none does.
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  let sample = text.slice(0, 65536);
  const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  if (text.length > sample.length && lastBreak > 0) sample = sample.slice(0, lastBreak);
  let best: { delimiter: CsvDelimiter; consistency: number; columns: number } = { delimiter: ',', consistency: 0, columns: 1 };
  for (const delimiter of candidateDelimiters) {
    const records = parseCsv(sample, delimiter).slice(0, 50);
    const columns = records[0]?.cells.length ?? 0;
    if (columns < 2) continue;
    const consistency = records.filter((record) => record.cells.length === columns).length / records.length;
    if (consistency > best.consistency || (consistency === best.consistency && columns > best.columns)) {
      best = { delimiter, consistency, columns };
    }
  }
  return best.delimiter;
}
