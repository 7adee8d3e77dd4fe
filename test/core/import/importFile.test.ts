import { describe, expect, it } from 'vitest';
import {
  checkImportRows,
  checkImportRowsInSteps,
  decodeCsvBytes,
  detectCsvDelimiter,
  parseCsv,
  readImportFile,
} from '../../../src/core/import';
import type { ContactImportRow } from '../../../src/core/types';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((part) => Array.from(part)));
/** `text` as UTF-16 code units, little or big endian, without a byte order mark. */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const [first, second] = endian === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    bytes[index * 2] = first;
    bytes[index * 2 + 1] = second;
  }
  return bytes;
}

describe('parseCsv', () => {
  it('counts a lone \\r and \\r\\n inside a quoted value as one line each', () => {
    const records = parseCsv('"a\rb\r\nc",x\nnext,y', ',');
    expect(records.map((record) => [record.line, record.cells])).toEqual([
      [1, ['a\rb\r\nc', 'x']],
      [4, ['next', 'y']],
    ]);
  });

  it('counts a lone \\r inside a quoted value as a line of its own', () => {
    expect(parseCsv('"a\rb",x\nnext,y', ',').map((record) => record.line)).toEqual([1, 3]);
  });

  it('keeps text between a closing quote and the delimiter, and ends a quoted cell at \\r', () => {
    expect(parseCsv('"ab"cd,e', ',').map((record) => record.cells)).toEqual([['abcd', 'e']]);
    expect(parseCsv('"a"\r"b"\r', ',').map((record) => record.cells)).toEqual([['a'], ['b']]);
  });

  it('opens one empty cell for a delimiter that ends the text', () => {
    expect(parseCsv('a,b,', ',').map((record) => record.cells)).toEqual([['a', 'b', '']]);
  });
});

describe('detectCsvDelimiter', () => {
  it('prefers the delimiter every row agrees on, and , over ; on a tie of columns', () => {
    expect(detectCsvDelimiter('a;b;c,d\ne,f')).toBe(',');
    expect(detectCsvDelimiter('a,b;c\nd,e;f')).toBe(',');
    expect(detectCsvDelimiter('a;b\nc;d\ne')).toBe(';');
  });

  it('decides from the first 50 rows', () => {
    const text = `${'a,b;c\n'.repeat(50)}${'x,y,z;w\n'.repeat(50)}`;
    expect(detectCsvDelimiter(text)).toBe(',');
  });

  it('decides from the complete rows of the first 64 KiB, not a row cut in the middle', () => {
    // Each row is `1` , a long cell holding ; twice: 2 columns by , and 3 by ;. Cut in the middle,
    // the last row would still have 2 columns by , but only 1 by ;.
    const row = `1,${'A'.repeat(1990)};2;3\n`;
    expect(detectCsvDelimiter(row.repeat(40))).toBe(';');
  });

  it('leaves out the rows after the first 64 KiB', () => {
    // 32 rows fill the first 64 KiB; the rows after them have 2 columns by ; and would make , win.
    const row = `1,${'A'.repeat(1990)};2;3\n`;
    expect(detectCsvDelimiter(`${row.repeat(33)}${'x,y;z\n'.repeat(17)}`)).toBe(';');
  });
});

describe('decodeCsvBytes', () => {
  it('reads BOM-less UTF-16 big endian', () => {
    expect(decodeCsvBytes(utf16('Name,Phone\nAna,+5511987654321\n', 'be'))).toEqual({
      ok: true,
      text: 'Name,Phone\nAna,+5511987654321\n',
      encoding: 'utf-16be',
    });
  });

  it.each(['le', 'be'] as const)('guesses BOM-less UTF-16 %s when more than 60% of its code units are ASCII', (endian) => {
    // '中' (U+4E2D) has no zero byte.
    expect(decodeCsvBytes(utf16('ABCDEFG中中中', endian))).toMatchObject({ ok: true, text: 'ABCDEFG中中中' });
    expect(decodeCsvBytes(utf16('ABCDEF中中中中', endian))).toEqual({ ok: false, reason: 'binary' });
  });

  it.each(['le', 'be'] as const)('does not guess UTF-16 %s when 5% of its code units have a zero in the other byte', (endian) => {
    // '一' (U+4E00) has its zero byte where ASCII has its letter.
    expect(decodeCsvBytes(utf16(`${'A'.repeat(20)}一`, endian))).toMatchObject({ ok: true });
    expect(decodeCsvBytes(utf16(`${'A'.repeat(19)}一`, endian))).toEqual({ ok: false, reason: 'binary' });
  });

  it('guesses UTF-16 from four bytes, not from fewer', () => {
    expect(decodeCsvBytes(Uint8Array.from([0x41, 0, 0x42, 0]))).toEqual({ ok: true, text: 'AB', encoding: 'utf-16le' });
    expect(decodeCsvBytes(Uint8Array.from([0x41, 0]))).toEqual({ ok: false, reason: 'binary' });
  });

  it('guesses from the first 4 KiB only', () => {
    const bytes = concat(utf16('A'.repeat(2048), 'le'), utf16('中'.repeat(4096), 'le'));
    expect(decodeCsvBytes(bytes)).toMatchObject({ ok: true, encoding: 'utf-16le' });
  });

  it('refuses guessed UTF-16 that does not decode as an encoding problem', () => {
    // A lone high surrogate at the end.
    expect(decodeCsvBytes(concat(utf16('Name,Phone\n'.repeat(4), 'le'), [0x00, 0xd8]))).toEqual({ ok: false, reason: 'encoding' });
  });

  it.each([
    ['EF BB BF', [0xef, 0xbb, 0xbf], true],
    ['41 BB BF', [0x41, 0xbb, 0xbf], false],
    ['EF 41 BF', [0xef, 0x41, 0xbf], false],
    ['EF BB 41', [0xef, 0xbb, 0x41], false],
    ['41 42 BF', [0x41, 0x42, 0xbf], false],
  ])('reads %s only as the UTF-8 byte order mark it is', (_bytes, prefix, isBom) => {
    const decoded = decodeCsvBytes(concat(prefix, utf8('Name,\n')));
    expect(decoded.ok).toBe(isBom);
  });

  it.each([
    ['FF 41', [0xff, 0x41]],
    ['41 FE', [0x41, 0xfe]],
    ['FE 41', [0xfe, 0x41]],
    ['41 FF', [0x41, 0xff]],
  ])('does not read %s as a UTF-16 byte order mark', (_bytes, prefix) => {
    expect(decodeCsvBytes(concat(prefix, utf8('Name,\n')))).toEqual({ ok: false, reason: 'encoding' });
  });

  it('keeps a second byte order mark as text: only the first marks the encoding', () => {
    expect(decodeCsvBytes(concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], utf8('Name')))).toEqual({
      ok: true,
      text: '\uFEFFName',
      encoding: 'utf-8',
    });
  });

  it('refuses valid UTF-8 holding control characters as binary', () => {
    expect(decodeCsvBytes(utf8('Name,Phone\nAna\u0007,1\n'))).toEqual({ ok: false, reason: 'binary' });
  });
});

describe('readImportFile', () => {
  it('trims the headers', () => {
    const file = readImportFile(utf8(' Name , Phone \nAna,1\n'));
    expect(file.ok && file.headers).toEqual(['Name', 'Phone']);
  });
});

describe('checkImportRowsInSteps', () => {
  const rows: ContactImportRow[] = Array.from({ length: 25 }, (_, index) => ({
    row: index + 2,
    name: `Person ${index}`,
    // Every fifth row repeats the first phone; one row has no valid phone.
    phone: index % 5 === 0 ? '+5511987654321' : index === 7 ? 'nope' : `+55119876500${String(index).padStart(2, '0')}`,
  }));

  it('answers what checkImportRows answers, reporting progress after each step', async () => {
    const progress: number[] = [];
    const check = await checkImportRowsInSteps(rows, 'BR', { stepRows: 10, onProgress: (checked) => progress.push(checked) });
    expect(check).toEqual(checkImportRows(rows, 'BR'));
    expect(check.attention.map((item) => item.input.row)).toEqual([7, 9, 12, 17, 22]);
    expect(progress).toEqual([10, 20, 25]);
  });

  it('reports each step once when the rows fill the last step exactly', async () => {
    const progress: number[] = [];
    await checkImportRowsInSteps(rows.slice(0, 20), 'BR', { stepRows: 10, onProgress: (checked) => progress.push(checked) });
    expect(progress).toEqual([10, 20]);
  });

  it('lets the event loop run between steps, and not after the last one', async () => {
    const progress: number[] = [];
    const seenByTimer: number[][] = [];
    setTimeout(() => seenByTimer.push([...progress]), 0);
    await checkImportRowsInSteps(rows, 'BR', { stepRows: 10, onProgress: (checked) => progress.push(checked) });
    expect(seenByTimer).toEqual([[10]]);

    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await checkImportRowsInSteps(rows, 'BR', { stepRows: 25 }).then(() => order.push('checked'));
    expect(order).toEqual(['checked']);
  });

  it('rejects with the reason once its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(checkImportRowsInSteps(rows, 'BR', { signal: controller.signal })).rejects.toThrow('stopped');
  });
});
