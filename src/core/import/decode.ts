/** Why a file could not be read as text. */
export type CsvDecodeFailure =
  /** Empty, or nothing but a byte order mark and blank lines. */
  | 'empty'
  /** Bytes no spreadsheet writes into a text file (a spreadsheet workbook, an image...). */
  | 'binary'
  /** Text in an encoding other than UTF-8 or UTF-16 (e.g. Windows-1252). */
  | 'encoding';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type CsvDecodeResult = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; reason: CsvDecodeFailure };

/** Control characters other than tab, line feed, form feed and carriage return. */
// eslint-disable-next-line no-control-regex
const binaryControl = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/;

function decode(bytes: Uint8Array, encoding: CsvEncoding, start: number): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    return null;
  }
}

/**
 * The encoding of BOM-less UTF-16, guessed from where the zero bytes are: ASCII text in UTF-16
 * has a zero in every other byte.
 */
function guessBomlessUtf16(bytes: Uint8Array): CsvEncoding | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 1) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.6 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.6 && oddZeros < half * 0.05) return 'utf-16be';
  return null;
}

/**
 * Reads the bytes of a `.csv` (or "Unicode text") file as text: UTF-8 with or without a byte
 * order mark, UTF-16 LE/BE (with a BOM, as Excel writes it, or ASCII-heavy without one). Anything
 * else is refused with a reason instead of being shown as garbage: a binary file renamed `.csv`,
 * or text in a legacy encoding.
 */
export function decodeCsvBytes(bytes: Uint8Array): CsvDecodeResult {
  let text: string | null;
  let encoding: CsvEncoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = decode(bytes, encoding, 3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decode(bytes, encoding, 2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = decode(bytes, encoding, 2);
  } else {
    const utf16 = guessBomlessUtf16(bytes);
    encoding = utf16 ?? 'utf-8';
    text = decode(bytes, encoding, 0);
    if (text === null && utf16 === null) {
      // Invalid UTF-8: zero bytes or control characters say binary, anything else a legacy encoding.
      const sample = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
      return { ok: false, reason: binaryControl.test(sample) ? 'binary' : 'encoding' };
    }
  }
  if (text === null) return { ok: false, reason: 'encoding' };
  if (binaryControl.test(text.slice(0, 65536))) return { ok: false, reason: 'binary' };
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  return { ok: true, text, encoding };
}
