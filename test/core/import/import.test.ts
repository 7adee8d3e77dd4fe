import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkImportRows,
  contactImportBatchSchema,
  contactImportFingerprint,
  decodeCsvBytes,
  detectCsvDelimiter,
  guessColumnMapping,
  maxImportBatchRows,
  parseCsv,
  planContactImport,
  readImportFile,
  rowsFromRecords,
  splitIntoBatches,
  validateImportBatch,
} from '../../../src/core/import';
import { isReachoutError } from '../../../src/core/errors';
import type { Contact, ContactImportBatch, ContactImportRow } from '../../../src/core/types';
import * as z from 'zod/mini';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

function readOk(name: string) {
  const file = readImportFile(fixture(name));
  if (!file.ok) throw new Error(`${name} was refused: ${file.reason}`);
  return file;
}

describe('readImportFile', () => {
  it.each([
    ['utf8.csv', 'utf-8'],
    ['utf8-bom.csv', 'utf-8'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.csv', 'utf-16be'],
  ] as const)('reads %s as %s, accents intact and without a byte order mark in the first header', (name, encoding) => {
    const decoded = decodeCsvBytes(fixture(name));
    expect(decoded.ok && decoded.text.slice(0, 4)).toBe('Name');
    const file = readOk(name);
    expect(file.encoding).toBe(encoding);
    expect(file.headers).toEqual(['Name', 'Email', 'Phone', 'City']);
    expect(file.records.map((record) => record.cells[0])).toEqual(['Ana Souza', 'José Núñez']);
    expect(file.records[0]?.cells[3]).toBe('São Paulo');
  });

  it('reads a UTF-16 file without a byte order mark from where its zero bytes are', () => {
    const text = 'Name,Phone\nAna,+5511987654321\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let index = 0; index < text.length; index += 1) bytes[index * 2] = text.charCodeAt(index);
    const file = readImportFile(bytes);
    expect(file).toMatchObject({ ok: true, encoding: 'utf-16le', headers: ['Name', 'Phone'] });
  });

  it('splits a ;-separated file from a European spreadsheet, keeping a quoted ; inside its cell', () => {
    const file = readOk('semicolon.csv');
    expect(file.delimiter).toBe(';');
    expect(file.headers).toEqual(['Nome', 'E-mail', 'Telefone', 'Cidade']);
    expect(file.records[1]?.cells).toEqual(['Silva; Bruno', 'bruno@example.com', '11 3456-7890', 'Rio']);
  });

  it('keeps line breaks and doubled quotes inside quoted fields, numbering rows by the line they start on', () => {
    const file = readOk('quoted-newlines.csv');
    expect(file.records).toEqual([
      { line: 2, cells: ['Ana "Aninha" Souza', '+5511987654321', 'first line\nsecond line'] },
      { line: 4, cells: ['Bruno', '+5511912345678', 'plain'] },
    ]);
  });

  it('skips blank lines and rows of empty cells, keeping the other rows’ line numbers', () => {
    const file = readOk('empty-lines.csv');
    expect(file.records.map((record) => [record.line, record.cells[0]])).toEqual([
      [3, 'Ana'],
      [6, 'Bruno'],
    ]);
  });

  it('refuses a file with a header and no rows', () => {
    expect(readImportFile(fixture('header-only.csv'))).toEqual({ ok: false, reason: 'no_rows' });
  });

  it('refuses a binary file renamed .csv instead of showing garbage', () => {
    expect(readImportFile(fixture('image-renamed.csv'))).toEqual({ ok: false, reason: 'binary' });
  });

  it('refuses text in a legacy encoding (Windows-1252) with its own reason', () => {
    expect(readImportFile(fixture('windows-1252.csv'))).toEqual({ ok: false, reason: 'encoding' });
  });

  it('refuses an empty file', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 10, 10]))).toEqual({ ok: false, reason: 'empty' });
    expect(readImportFile(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('parseCsv and detectCsvDelimiter', () => {
  it('reads \\r\\n, \\n and lone \\r line ends alike', () => {
    expect(parseCsv('a,b\r\nc,d\re,f\ng,h', ',').map((record) => [record.line, ...record.cells])).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', 'h'],
    ]);
  });

  it('keeps an empty last cell after a trailing delimiter', () => {
    expect(parseCsv('a,b,\n', ',')[0]?.cells).toEqual(['a', 'b', '']);
  });

  it('runs an unclosed quote to the end of the text', () => {
    expect(parseCsv('a,"b\nc', ',')[0]?.cells).toEqual(['a', 'b\nc']);
  });

  it('picks tab for tab-separated text whose cells hold commas', () => {
    expect(detectCsvDelimiter('Name\tNotes\nAna\tone, two\nBruno\tthree, four\n')).toBe('\t');
  });

  it('falls back to , for a single column', () => {
    expect(detectCsvDelimiter('Phone\n+5511987654321\n')).toBe(',');
  });
});

describe('guessColumnMapping', () => {
  it.each([
    [['Name', 'Email', 'Phone'], ['name', 'email', 'phone']],
    [['Nome', 'E-mail', 'Telefone'], ['name', 'email', 'phone']],
    [['Nombre', 'Correo electrónico', 'Teléfono'], ['name', 'email', 'phone']],
    [['Nom', 'Courriel', 'Téléphone'], ['name', 'email', 'phone']],
    [['Name', 'E-Mail-Adresse', 'Handynummer'], ['name', 'email', 'phone']],
    [['Naam', 'E-mail', 'Telefoonnummer'], ['name', 'email', 'phone']],
    [['Full name', 'Email address', 'WhatsApp'], ['name', 'email', 'phone']],
  ])('maps %j to the contact fields', (headers, kinds) => {
    expect(guessColumnMapping(headers).map((target) => target.kind)).toEqual(kinds);
  });

  it('maps other columns to attributes keyed after their headers, unique, and a second phone column to an attribute', () => {
    expect(guessColumnMapping(['Phone', 'Mobile', 'Customer ID', 'Customer-ID', ''])).toEqual([
      { kind: 'phone' },
      { kind: 'attribute', key: 'mobile' },
      { kind: 'attribute', key: 'customer_id' },
      { kind: 'attribute', key: 'customer_id_2' },
      { kind: 'attribute', key: 'column_5' },
    ]);
  });
});

describe('rowsFromRecords', () => {
  it('builds trimmed rows under a mapping, leaving out empty values and skipped columns', () => {
    const rows = rowsFromRecords(
      [{ line: 2, cells: [' Ana ', '', '+5511987654321', 'SP', 'x'] }],
      [{ kind: 'name' }, { kind: 'email' }, { kind: 'phone' }, { kind: 'attribute', key: 'city' }, { kind: 'skip' }],
    );
    expect(rows).toEqual([{ row: 2, name: 'Ana', phone: '+5511987654321', attributes: { city: 'SP' } }]);
  });
});

describe('checkImportRows', () => {
  it.each([
    ['US', '415.555.2671', '+14155552671'],
    ['IN', '098765 43210', '+919876543210'],
    ['BR', '(11) 98765-4321', '+5511987654321'],
    ['MX', '55 1234 5678', '+525512345678'],
    ['GB', '07911 123456', '+447911123456'],
    ['DE', '01512 3456789', '+4915123456789'],
    ['FR', '06 12 34 56 78', '+33612345678'],
    ['NG', '0803 123 4567', '+2348031234567'],
    ['JP', '090-1234-5678', '+819012345678'],
    ['ID', '0812-3456-7890', '+6281234567890'],
    ['AE', '050 123 4567', '+971501234567'],
    ['AR', '011 15 2345-6789', '+5491123456789'],
    ['CN', '138 0013 8000', '+8613800138000'],
    ['ES', '612 34 56 78', '+34612345678'],
    ['IT', '312 345 6789', '+393123456789'],
    ['ZA', '071 123 4567', '+27711234567'],
  ])('reads a national number of %s with that default country as E.164', (country, phone, e164) => {
    const check = checkImportRows([{ row: 2, name: 'Ana', phone }], country);
    expect(check.attention).toEqual([]);
    expect(check.ready[0]?.phone).toBe(e164);
  });

  it('announces the Brazil and Mexico corrections', () => {
    const check = checkImportRows([
      { row: 2, name: 'Ana', phone: '+55 11 8765-4321' },
      { row: 3, name: 'José', phone: '+52 1 55 1234 5678' },
      { row: 4, name: 'Bia', phone: '+55 11 3456-7890' },
    ]);
    expect(check.ready.map((row) => [row.phone, row.correction])).toEqual([
      ['+5511987654321', 'brazil_ninth_digit'],
      ['+525512345678', 'mexico_mobile_prefix'],
      ['+551134567890', undefined],
    ]);
    expect(check.corrected).toBe(2);
  });

  it('reports invalid rows with the field and the contact form’s message', () => {
    const check = checkImportRows([
      { row: 2, name: '', phone: '+5511987654321' },
      { row: 3, name: 'Bruno', phone: '123' },
      { row: 4, name: 'Carla', phone: '+5511912345678', email: 'not-an-email' },
      { row: 5, name: 'Dani', phone: 'call me' },
    ]);
    expect(check.ready).toEqual([]);
    expect(check.attention.map((item) => [item.input.row, item.code, item.message])).toEqual([
      [2, 'VALIDATION', 'Name: Enter a name'],
      [3, 'VALIDATION', 'Phone: Choose a country or start the number with + and its country code'],
      [4, 'VALIDATION', 'Email: Enter an email address like name@example.com'],
      [5, 'VALIDATION', 'Phone: A phone number has only digits, spaces and + ( ) -'],
    ]);
  });

  it('finds rows repeating an earlier row’s phone however it was typed', () => {
    const check = checkImportRows(
      [
        { row: 2, name: 'Ana', phone: '(11) 98765-4321' },
        { row: 3, name: 'Ana again', phone: '+55 11 98765 4321' },
        { row: 4, name: 'Ana old form', phone: '+55 11 8765-4321' },
      ],
      'BR',
    );
    expect(check.ready.map((row) => row.row)).toEqual([2]);
    expect(check.attention.map((item) => [item.input.row, item.code, item.message])).toEqual([
      [3, 'DUPLICATE_IN_FILE', 'Same phone as row 2'],
      [4, 'DUPLICATE_IN_FILE', 'Same phone as row 2'],
    ]);
  });

  it('refuses attribute keys that a template binding cannot name', () => {
    const check = checkImportRows([{ row: 2, name: 'Ana', phone: '+5511987654321', attributes: { 'a b': 'x' } }]);
    expect(check.attention[0]?.message).toMatch(/Attribute "a b"/);
  });
});

const existing: Contact = {
  id: 'contact-1',
  name: 'Ana Old',
  email: 'old@example.com',
  phone: '+5511987654321',
  avatarUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  attributes: { city: 'Rio', plan: 'gold' },
};

function batch(rows: ContactImportRow[], onDuplicate: 'skip' | 'update' = 'skip'): ContactImportBatch {
  return { idempotencyKey: 'import-key-1', rows, onDuplicate };
}

describe('planContactImport', () => {
  const rows: ContactImportRow[] = [
    { row: 2, name: 'Ana New', phone: '+55 11 98765-4321', attributes: { city: 'São Paulo' } },
    { row: 3, name: 'Bruno', phone: '+5511912345678' },
    { row: 4, name: 'Bruno twin', phone: '+55 11 91234 5678' },
    { row: 5, name: '', phone: '+5511955554444' },
  ];
  const existingByPhone = new Map([[existing.phone, existing]]);

  it('skips a row whose phone an existing contact has, when asked to skip', () => {
    const input = batch(rows, 'skip');
    const plan = planContactImport(input, validateImportBatch(input), existingByPhone);
    expect(plan.create.map((row) => row.row)).toEqual([3]);
    expect(plan.update).toEqual([]);
    expect(plan.skipped).toEqual([
      { row: 2, code: 'CONFLICT', message: 'Ana Old already has the phone number +5511987654321' },
      { row: 4, code: 'DUPLICATE_IN_FILE', message: 'Same phone as row 3' },
      { row: 5, code: 'VALIDATION', message: 'Name: Enter a name' },
    ]);
  });

  it('updates name, email when given and attributes (merged), never the phone, when asked to update', () => {
    const input = batch(rows, 'update');
    const plan = planContactImport(input, validateImportBatch(input), existingByPhone);
    expect(plan.update).toEqual([
      {
        row: 2,
        contact: { ...existing, name: 'Ana New', email: 'old@example.com', attributes: { city: 'São Paulo', plan: 'gold' } },
      },
    ]);
    expect(plan.skipped.map((skip) => skip.code)).toEqual(['DUPLICATE_IN_FILE', 'VALIDATION']);
  });

  it('refuses a batch of more than 1,000 rows with a VALIDATION error saying so', () => {
    const many = Array.from({ length: maxImportBatchRows + 1 }, (_, index) => ({ row: index + 2, name: 'A', phone: '+5511987654321' }));
    let caught: unknown;
    try {
      validateImportBatch(batch(many));
    } catch (error) {
      caught = error;
    }
    expect(isReachoutError(caught) && caught.code).toBe('VALIDATION');
    expect((caught as Error).message).toBe('A batch has at most 1,000 rows (this one has 1,001); split the file into smaller batches');
  });
});

describe('splitIntoBatches and contactImportFingerprint', () => {
  it('splits rows into batches of at most 1,000, in order', () => {
    const rows = Array.from({ length: 2500 }, (_, index) => index);
    expect(splitIntoBatches(rows).map((part) => [part.length, part[0]])).toEqual([
      [1000, 0],
      [1000, 1000],
      [500, 2000],
    ]);
    expect(splitIntoBatches(rows, 5000)).toHaveLength(3);
  });

  it('fingerprints a batch the same whatever the order of its attribute keys, and differently for other rows', () => {
    const one = batch([{ row: 2, name: 'A', phone: '1', attributes: { a: '1', b: '2' } }]);
    const reordered = batch([{ row: 2, name: 'A', phone: '1', attributes: { b: '2', a: '1' } }]);
    const other = batch([{ row: 2, name: 'B', phone: '1', attributes: { a: '1', b: '2' } }]);
    expect(contactImportFingerprint(one)).toBe(contactImportFingerprint(reordered));
    expect(contactImportFingerprint(one)).not.toBe(contactImportFingerprint(other));
  });
});

describe('contactImportBatchSchema', () => {
  it('accepts a row with an invalid phone (reported per row later) but not a malformed envelope', () => {
    expect(z.safeParse(contactImportBatchSchema, batch([{ row: 2, name: 'A', phone: 'nope' }])).success).toBe(true);
    expect(z.safeParse(contactImportBatchSchema, { ...batch([]), onDuplicate: 'merge' }).success).toBe(false);
    expect(z.safeParse(contactImportBatchSchema, { ...batch([]), defaultCountry: 'brazil' }).success).toBe(false);
  });
});
