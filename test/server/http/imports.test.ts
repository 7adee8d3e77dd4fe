import { describe, expect, it } from 'vitest';
import type { ContactImportResult, Page, Contact } from 'reachout/core';
import { createTestApp, expectProblem } from './helpers';

const path = '/api/v1/contacts/imports';

function importBody(rows: unknown[], key = 'http-import-key-1') {
  return { idempotencyKey: key, onDuplicate: 'skip', defaultCountry: 'BR', rows };
}

describe('POST /contacts/imports', () => {
  it('imports a batch, answering 200 with the counts and the skipped rows, and the contacts are listed after', async () => {
    const { request, postJson } = createTestApp();
    const body = importBody([
      { row: 2, name: 'Zoe Import', phone: '(61) 99123-4567' },
      { row: 3, name: 'Bad Phone', phone: 'call me' },
    ]);
    const response = await postJson(path, body, { 'Idempotency-Key': body.idempotencyKey });
    expect(response.status).toBe(200);
    const result = (await response.json()) as ContactImportResult;
    expect(result).toEqual({
      created: 1,
      updated: 0,
      skipped: [{ row: 3, code: 'VALIDATION', message: 'Phone: A phone number has only digits, spaces and + ( ) -' }],
    });
    const found = (await (await request('/api/v1/contacts?search=zoe')).json()) as Page<Contact>;
    expect(found.items.map((contact) => contact.phone)).toEqual(['+5561991234567']);
  });

  it('answers 413 with a clear message for more than 1,000 rows, writing nothing', async () => {
    const { request, postJson } = createTestApp();
    const rows = Array.from({ length: 1001 }, (_, index) => ({ row: index + 2, name: 'Bulk', phone: `+55619930${String(index).padStart(5, '0')}` }));
    const body = importBody(rows);
    const problem = await expectProblem(await postJson(path, body, { 'Idempotency-Key': body.idempotencyKey }), 413, 'VALIDATION');
    expect(problem.detail).toBe('A batch has at most 1,000 rows (this one has 1,001); split the file into smaller batches');
    const found = (await (await request('/api/v1/contacts?search=bulk')).json()) as Page<Contact>;
    expect(found.items).toEqual([]);
  });

  it('requires the Idempotency-Key header, equal to the body’s key', async () => {
    const { postJson } = createTestApp();
    const body = importBody([{ row: 2, name: 'Zoe', phone: '+5561991234567' }]);
    await expectProblem(await postJson(path, body), 400, 'VALIDATION');
    const mismatch = await expectProblem(await postJson(path, body, { 'Idempotency-Key': 'another-key-123' }), 400, 'VALIDATION');
    expect(mismatch.fieldErrors).toEqual({ idempotencyKey: 'Must equal the Idempotency-Key header' });
  });

  it('answers 400 naming the field for a malformed envelope (a row number that is text, an unknown onDuplicate)', async () => {
    const { postJson } = createTestApp();
    const body = { ...importBody([{ row: 'two', name: 'Zoe', phone: '+5561991234567' }]), onDuplicate: 'merge' };
    const problem = await expectProblem(await postJson(path, body, { 'Idempotency-Key': body.idempotencyKey }), 400, 'VALIDATION');
    expect(Object.keys(problem.fieldErrors ?? {}).sort()).toEqual(['onDuplicate', 'rows.0.row']);
  });

  it('answers a repeated key with the first result, and 409 when the key comes with other rows', async () => {
    const { postJson } = createTestApp();
    const body = importBody([{ row: 2, name: 'Zoe', phone: '+5561991234567' }]);
    const headers = { 'Idempotency-Key': body.idempotencyKey };
    const first = await (await postJson(path, body, headers)).json();
    const again = await postJson(path, body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    const other = importBody([{ row: 2, name: 'Other', phone: '+5561991234568' }]);
    await expectProblem(await postJson(path, other, headers), 409, 'CONFLICT');
  });
});
