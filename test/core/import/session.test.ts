import { describe, expect, it } from 'vitest';
import { openImportSession } from '../../../src/core/import/client';
import type { ImportColumnTarget } from '../../../src/core/import';

const csv = ['Name,Phone,City', 'Ana,+55 61 99123-4567,Brasília', 'Bad,call me,Natal', 'Ana Twin,(61) 99123-4567,Recife', '"Bo, Jr",+55 61 99123-4568,"Rio"'].join('\n');
const mapping: ImportColumnTarget[] = [{ kind: 'name' }, { kind: 'phone' }, { kind: 'attribute', key: 'city' }];
const labels = { row: 'Row', name: 'Name', email: 'Email', phone: 'Phone', reason: 'Reason', notSent: 'Not sent' };

describe('the import session without a worker (Node, server rendering)', () => {
  it('runs on the calling thread: reads the file, checks every row, hands out batches and writes the report', async () => {
    const session = await openImportSession();
    expect(session.place).toBe('inline');
    const read = await session.read(new Blob([csv]));
    expect(read).toMatchObject({ ok: true, headers: ['Name', 'Phone', 'City'], rowCount: 4, delimiter: ',' });
    const progress: [number, number][] = [];
    const check = await session.check(mapping, 'BR', (done, total) => progress.push([done, total]));
    expect(check).toMatchObject({ ready: 2, attentionCount: 2, batchCount: 1, corrected: 0 });
    expect(check.attention.map((item) => [item.input.row, item.code])).toEqual([
      [3, 'VALIDATION'],
      [4, 'DUPLICATE_IN_FILE'],
    ]);
    expect(progress).toEqual([[4, 4]]);
    expect((await session.batch(0)).map((row) => [row.row, row.phone])).toEqual([
      [2, '+5561991234567'],
      [5, '+5561991234568'],
    ]);
    expect(await session.batch(1)).toEqual([]);
    const report = await session.report(labels, [{ row: 5, code: 'CONFLICT', message: 'Exists' }], null);
    expect(report.split('\r\n')).toEqual([
      'Row,Name,Email,Phone,Reason',
      '3,Bad,,call me,"Phone: A phone number has only digits, spaces and + ( ) -"',
      '4,Ana Twin,,(61) 99123-4567,Same phone as row 2',
      '5,"Bo, Jr",,+55 61 99123-4568,Exists',
    ]);
    const cancelled = await session.report(labels, [], 0);
    expect(cancelled.split('\r\n').filter((line) => line.endsWith('Not sent'))).toEqual([
      '2,Ana,,+55 61 99123-4567,Not sent',
      '5,"Bo, Jr",,+55 61 99123-4568,Not sent',
    ]);
  });

  it('rejects an unfinished check when a newer one starts, and keeps the newer one', async () => {
    const session = await openImportSession({ place: 'inline' });
    const lines = ['Name,Phone'];
    for (let index = 0; index < 5000; index += 1) lines.push(`Person ${index},+55 11 9${10_000_000 + index}`);
    await session.read(new Blob([lines.join('\n')]));
    const older = session.check(mapping.slice(0, 2), 'BR');
    const newer = session.check([{ kind: 'name' }, { kind: 'skip' }], 'BR');
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    expect(await newer).toMatchObject({ ready: 0, attentionCount: 5000 });
  });

  it('says why a file cannot be read', async () => {
    const session = await openImportSession({ place: 'inline' });
    expect(await session.read(new Blob(['Name,Phone\n']))).toEqual({ ok: false, reason: 'no_rows' });
  });
});
