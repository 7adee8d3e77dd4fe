import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportContactsDialog } from '../../../src/components/import-contacts-dialog';
import { openImportSession } from '../../../src/core/import/client';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(() => {
  cleanup();
});

const csv = [
  'Nome;E-mail;Telefone;Cidade',
  'Zoe Import;zoe@example.com;(61) 99123-4567;Brasília',
  'Bad Row;;call me;Natal',
  'Zoe Twin;;+55 61 99123 4567;Brasília',
].join('\r\n');

/** A file of `count` rows with distinct Brazilian mobile numbers. */
function bigCsv(count: number): string {
  const lines = ['Name,Email,Phone,City'];
  for (let index = 0; index < count; index += 1) {
    lines.push(`Contact ${index},contact${index}@example.com,+55 11 9${String(10_000_000 + index)},São Paulo`);
  }
  return lines.join('\n');
}

describe('the import session', () => {
  it('runs in a module worker in a browser and reads, checks and batches a file as the inline session does', async () => {
    const worker = await openImportSession();
    const inline = await openImportSession({ place: 'inline' });
    expect([worker.place, inline.place]).toEqual(['worker', 'inline']);
    const file = new File([csv], 'contacts.csv');
    const mapping = [{ kind: 'name' }, { kind: 'email' }, { kind: 'phone' }, { kind: 'attribute', key: 'cidade' }] as const;
    const results = [];
    for (const session of [worker, inline]) {
      const read = await session.read(file);
      const check = await session.check([...mapping], 'BR');
      const batch = await session.batch(0);
      results.push({ read, check, batch });
      session.dispose();
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]?.check).toMatchObject({ ready: 1, attentionCount: 2, batchCount: 1 });
    expect(results[0]?.batch).toEqual([
      { row: 2, name: 'Zoe Import', email: 'zoe@example.com', phone: '+5561991234567', attributes: { cidade: 'Brasília' } },
    ]);
  });

  it('reads and checks 100,000 rows of the dialog in a worker: the page receives the preview and the counts, not the rows', async () => {
    const PageWorker = globalThis.Worker;
    let workers = 0;
    let receivedCharacters = 0;
    globalThis.Worker = class CountingWorker extends PageWorker {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        workers += 1;
        this.addEventListener('message', (event: MessageEvent) => (receivedCharacters += JSON.stringify(event.data).length));
      }
    };
    const text = bigCsv(100_000);
    const user = userEvent.setup();
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    });
    try {
      render(
        <ReachoutProvider dataProvider={createMemoryProvider({ contacts: [] })} locale="en-US">
          <ImportContactsDialog defaultOpen />
        </ReachoutProvider>,
      );
      const input = (await screen.findByLabelText('File')) as HTMLInputElement;
      observer.observe({ type: 'longtask', buffered: false });
      const started = performance.now();
      await user.upload(input, new File([text], 'big.csv', { type: 'text/csv' }));
      await screen.findByLabelText('Phone', undefined, { timeout: 60_000 });
      const read = performance.now() - started;
      // While the worker checks, the page shows how far it got.
      expect(await screen.findByText(/^Checking rows… [\d,]+ of 100,000$/, undefined, { timeout: 60_000 })).toBeTruthy();
      expect(await screen.findByText('100,000 ready, 0 need attention', undefined, { timeout: 60_000 })).toBeTruthy();
      // A figure, not an assertion: on a shared machine a long task measures the machine's load too.
      console.log(
        `100,000 rows (${(text.length / 1e6).toFixed(1)} MB) read in ${Math.round(read)} ms, read and checked in ${Math.round(performance.now() - started)} ms; page long tasks: ${durations.length}, longest ${Math.round(Math.max(0, ...durations))} ms`,
      );
    } finally {
      observer.disconnect();
      globalThis.Worker = PageWorker;
    }
    expect(workers).toBe(1);
    expect(receivedCharacters).toBeGreaterThan(0);
    expect(receivedCharacters).toBeLessThan(text.length / 100);
  }, 90_000);
});
