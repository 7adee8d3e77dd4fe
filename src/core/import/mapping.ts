import type { ContactImportRow } from '../types';
import type { CsvRecord } from './csv';

/** Where a file's column goes: a contact field, an attribute (`attributes.<key>`), or nowhere. */
export type ImportColumnTarget =
  | { kind: 'name' }
  | { kind: 'email' }
  | { kind: 'phone' }
  | { kind: 'attribute'; key: string }
  | { kind: 'skip' };

/** Headers, folded (lower case, no accents, words split by one space), in English and a few common languages. */
const headerWords: Record<'name' | 'email' | 'phone', readonly string[]> = {
  name: [
    'name', 'full name', 'contact name', 'contact', 'customer', 'customer name', 'display name',
    'nombre', 'nombre completo', 'nome', 'nome completo', 'nom', 'nom complet', 'naam', 'volledige naam',
    'vollstandiger name', 'kontakt', 'nome e cognome', 'imie i nazwisko', 'isim', 'ad soyad',
  ],
  email: [
    'email', 'e mail', 'mail', 'email address', 'e mail address', 'correo', 'correo electronico',
    'courriel', 'adresse e mail', 'adresse email', 'e mail adresse', 'emailadres', 'e posta', 'eposta', 'endereco de email',
  ],
  phone: [
    'phone', 'phone number', 'mobile', 'mobile number', 'mobile phone', 'cell', 'cell phone', 'cellphone', 'whatsapp',
    'whatsapp number', 'telephone', 'tel', 'number', 'msisdn', 'telefono', 'movil', 'celular', 'numero de telefono',
    'telefone', 'numero', 'numero de celular', 'telephone portable', 'portable', 'numero de telephone', 'handy',
    'telefon', 'telefonnummer', 'mobilnummer', 'handynummer', 'telefoonnummer', 'mobiel', 'mobiele nummer',
    'cellulare', 'numero di telefono', 'telefon numarasi',
    // Turkish dotless ı has no decomposition, so folding keeps it: the spelling people type.
    'telefon numarası',
  ],
};

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A header as an attribute key: `Customer ID` → `customer_id`; `column_3` for an empty one. */
export function attributeKeyOf(header: string, columnIndex: number): string {
  const key = foldHeader(header)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, attributeKeyMaxLength);
  return key || `column_${columnIndex + 1}`;
}

/** Attribute keys: letters, digits, `_` and `-`, as `attributes.<key>` in a template binding. */
export const attributeKeyPattern = /^[A-Za-z0-9_-]{1,64}$/;
const attributeKeyMaxLength = 64;

/**
 * The mapping a person most likely wants for these headers: the first column named like a name,
 * an email or a phone (in English, Spanish, Portuguese, French, German, Dutch, Italian, Polish or
 * Turkish) goes to that field, every other column to an attribute named after its header.
 */
export function guessColumnMapping(headers: readonly string[]): ImportColumnTarget[] {
  const taken = new Set<string>();
  const usedKeys = new Set<string>();
  return headers.map((header, columnIndex): ImportColumnTarget => {
    const folded = foldHeader(header);
    for (const field of ['phone', 'email', 'name'] as const) {
      if (!taken.has(field) && headerWords[field].includes(folded)) {
        taken.add(field);
        return { kind: field };
      }
    }
    let key = attributeKeyOf(header, columnIndex);
    for (let suffix = 2; usedKeys.has(key); suffix += 1) key = `${attributeKeyOf(header, columnIndex)}_${suffix}`;
    usedKeys.add(key);
    return { kind: 'attribute', key };
  });
}

/**
 * The contact rows of a file's data records (the header record excluded) under `mapping`:
 * values trimmed, empty values left out; when two columns go to one field, the first non-empty
 * value wins.
 */
export function rowsFromRecords(records: readonly CsvRecord[], mapping: readonly ImportColumnTarget[]): ContactImportRow[] {
  return records.map((record) => {
    const row: ContactImportRow = { row: record.line, name: '', phone: '' };
    let attributes: Record<string, string> | undefined;
    mapping.forEach((target, columnIndex) => {
      const value = record.cells[columnIndex]?.trim() ?? '';
      if (value === '') return;
      switch (target.kind) {
        case 'name':
          if (row.name === '') row.name = value;
          break;
        case 'email':
          row.email ??= value;
          break;
        case 'phone':
          if (row.phone === '') row.phone = value;
          break;
        case 'attribute':
          attributes ??= {};
          attributes[target.key] ??= value;
          break;
        case 'skip':
          break;
        default:
          target satisfies never;
      }
    });
    if (attributes) row.attributes = attributes;
    return row;
  });
}

/** Why a column's mapping cannot be used: its attribute key breaks the key rule, or an earlier column has it. */
export type ImportMappingProblem =
  | { column: number; code: 'invalid_key' }
  | { column: number; code: 'duplicate_key'; firstColumn: number };

/**
 * The problems of a mapping a person edited, one per column at most, in column order: attribute
 * keys must match `attributeKeyPattern` (as `importContacts` requires) and be unique (a second
 * column with the key would be dropped silently). Keys are compared as typed: `City` and `city`
 * are two attributes.
 */
export function checkColumnMapping(mapping: readonly ImportColumnTarget[]): ImportMappingProblem[] {
  const problems: ImportMappingProblem[] = [];
  const columnByKey = new Map<string, number>();
  mapping.forEach((target, column) => {
    if (target.kind !== 'attribute') return;
    if (!attributeKeyPattern.test(target.key)) {
      problems.push({ column, code: 'invalid_key' });
      return;
    }
    const firstColumn = columnByKey.get(target.key);
    if (firstColumn !== undefined) problems.push({ column, code: 'duplicate_key', firstColumn });
    else columnByKey.set(target.key, column);
  });
  return problems;
}

/**
 * `mapping` with the column at `column` sent to `target`. A contact field has one column: the
 * column that had the field goes back to its guess (an attribute named after its header).
 */
export function remapColumn(
  mapping: readonly ImportColumnTarget[],
  headers: readonly string[],
  column: number,
  target: ImportColumnTarget,
): ImportColumnTarget[] {
  const next = mapping.map((current, index) => (index === column ? target : current));
  const displaced = next.findIndex((current, index) => index !== column && target.kind !== 'attribute' && target.kind !== 'skip' && current.kind === target.kind);
  if (displaced !== -1) {
    const keys = new Set(next.flatMap((current) => (current.kind === 'attribute' ? [current.key] : [])));
    const base = attributeKeyOf(headers[displaced] ?? '', displaced);
    let key = base;
    for (let suffix = 2; keys.has(key); suffix += 1) key = `${base}_${suffix}`;
    next[displaced] = { kind: 'attribute', key };
  }
  return next;
}
