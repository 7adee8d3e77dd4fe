import { describe, expect, it } from 'vitest';
import { guessColumnMapping, rowsFromRecords } from '../../../src/core/import';

describe('guessColumnMapping: phone headers', () => {
  it.each([
    'Phone', 'Phone number', 'Mobile', 'Mobile number', 'Mobile phone', 'Cell', 'Cell phone', 'Cellphone', 'WhatsApp',
    'WhatsApp number', 'Telephone', 'Tel', 'Number', 'MSISDN', 'Teléfono', 'Móvil', 'Celular', 'Número de teléfono',
    'Telefone', 'Número', 'Número de celular', 'Téléphone portable', 'Portable', 'Numéro de téléphone', 'Handy',
    'Telefon', 'Telefonnummer', 'Mobilnummer', 'Handynummer', 'Telefoonnummer', 'Mobiel', 'Mobiele nummer',
    'Cellulare', 'Numero di telefono', 'Telefon numarasi', 'Telefon numarası',
  ])('reads a column headed "%s" as the phone', (header) => {
    expect(guessColumnMapping(['Notes', header])).toEqual([{ kind: 'attribute', key: 'notes' }, { kind: 'phone' }]);
  });

  it('reads headers with punctuation around or between the words', () => {
    expect(guessColumnMapping(['(Name)', 'E -  mail:', 'Phone #'])).toEqual([{ kind: 'name' }, { kind: 'email' }, { kind: 'phone' }]);
  });
});

describe('guessColumnMapping: attribute keys', () => {
  it('joins the words around letters a key cannot hold with one underscore, and trims underscores', () => {
    expect(guessColumnMapping(['Ref 中文 ID', 'Code 中文', '中文'])).toEqual([
      { kind: 'attribute', key: 'ref_id' },
      { kind: 'attribute', key: 'code' },
      { kind: 'attribute', key: 'column_3' },
    ]);
  });

  it('cuts a key to 64 characters', () => {
    const [target] = guessColumnMapping(['x'.repeat(80)]);
    expect(target).toEqual({ kind: 'attribute', key: 'x'.repeat(64) });
  });

  it('numbers repeated headers 2, 3...', () => {
    expect(guessColumnMapping(['City', 'City', 'City'])).toEqual([
      { kind: 'attribute', key: 'city' },
      { kind: 'attribute', key: 'city_2' },
      { kind: 'attribute', key: 'city_3' },
    ]);
  });
});

describe('rowsFromRecords', () => {
  it('takes the first non-empty value when two columns go to the name, the email or the phone', () => {
    const mapping = [{ kind: 'name' }, { kind: 'name' }, { kind: 'email' }, { kind: 'email' }, { kind: 'phone' }, { kind: 'phone' }] as const;
    const [row] = rowsFromRecords([{ line: 2, cells: ['Ana', 'Other', 'a@example.com', 'b@example.com', '+551', '+552'] }], mapping);
    expect(row).toEqual({ row: 2, name: 'Ana', email: 'a@example.com', phone: '+551' });
    const [second] = rowsFromRecords([{ line: 3, cells: ['', 'Bia', '', 'b@example.com', ' ', '+552'] }], mapping);
    expect(second).toEqual({ row: 3, name: 'Bia', email: 'b@example.com', phone: '+552' });
  });

  it('reads a short record’s missing cells as empty, and gives a row without attributes none', () => {
    const [row] = rowsFromRecords([{ line: 2, cells: ['Ana'] }], [{ kind: 'name' }, { kind: 'phone' }, { kind: 'attribute', key: 'city' }]);
    expect(row).toStrictEqual({ row: 2, name: 'Ana', phone: '' });
  });
});
