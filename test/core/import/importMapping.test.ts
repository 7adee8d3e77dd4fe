import { describe, expect, it } from 'vitest';
import { checkColumnMapping, guessColumnMapping, remapColumn, rowsFromRecords } from '../../../src/core/import';

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

describe('checkColumnMapping', () => {
  it('refuses attribute keys that break the key rule, and a key an earlier column has, naming that column', () => {
    expect(
      checkColumnMapping([
        { kind: 'name' },
        { kind: 'attribute', key: 'city' },
        { kind: 'attribute', key: 'city name' },
        { kind: 'attribute', key: 'city' },
        { kind: 'attribute', key: '' },
        { kind: 'attribute', key: 'x'.repeat(65) },
        { kind: 'attribute', key: 'City' },
        { kind: 'skip' },
      ]),
    ).toEqual([
      { column: 2, code: 'invalid_key' },
      { column: 3, code: 'duplicate_key', firstColumn: 1 },
      { column: 4, code: 'invalid_key' },
      { column: 5, code: 'invalid_key' },
    ]);
  });

  it('accepts a mapping with unique valid keys', () => {
    expect(checkColumnMapping([{ kind: 'phone' }, { kind: 'attribute', key: 'customer_id-2' }, { kind: 'skip' }])).toEqual([]);
  });
});

describe('remapColumn', () => {
  const headers = ['Nome', 'Telefone', 'Celular', 'Cidade'];
  const guessed = guessColumnMapping(headers);

  it('moves a contact field to the chosen column; the column that had it becomes the attribute named after its header', () => {
    expect(guessed).toEqual([{ kind: 'name' }, { kind: 'phone' }, { kind: 'attribute', key: 'celular' }, { kind: 'attribute', key: 'cidade' }]);
    expect(remapColumn(guessed, headers, 2, { kind: 'phone' })).toEqual([
      { kind: 'name' },
      { kind: 'attribute', key: 'telefone' },
      { kind: 'phone' },
      { kind: 'attribute', key: 'cidade' },
    ]);
  });

  it('gives the displaced column a key no other column has', () => {
    const mapping = remapColumn(guessed, headers, 3, { kind: 'attribute', key: 'telefone' });
    expect(remapColumn(mapping, headers, 2, { kind: 'phone' })[1]).toEqual({ kind: 'attribute', key: 'telefone_2' });
  });

  it('leaves the other columns alone for an attribute or "Don\'t import"', () => {
    expect(remapColumn(guessed, headers, 0, { kind: 'skip' })).toEqual([{ kind: 'skip' }, ...guessed.slice(1)]);
    expect(remapColumn(guessed, headers, 0, { kind: 'attribute', key: 'nome' })).toEqual([{ kind: 'attribute', key: 'nome' }, ...guessed.slice(1)]);
  });
});
