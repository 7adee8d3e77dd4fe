// Figures for contact import (issue #20): `npx tsx bench/import-contacts.ts [rows]`.
// Prints the time to read + check a generated CSV of `rows` contacts (default 100,000) with the core
// functions the dialog uses, then the time to import it in batches of 1,000 through the database
// backend on PGlite (in memory) and, when REACHOUT_TEST_DATABASE_URL is set, on PostgreSQL.
import {
  checkImportRows,
  guessColumnMapping,
  readImportFile,
  rowsFromRecords,
  splitIntoBatches,
  type ContactImportRow,
} from 'reachout/core';
import { createDatabaseBackend, openDatabase, type DatabaseTarget } from '../server/src/db';

const count = Number(process.argv[2] ?? 100_000);

function csvOf(rows: number): Uint8Array {
  const lines = ['Name,Email,Phone,City'];
  for (let index = 0; index < rows; index += 1) {
    const subscriber = String(10_000_000 + index).slice(-8);
    lines.push(`"Person ${index}, Jr",person${index}@example.com,(11) 9${subscriber},São Paulo`);
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

const bytes = csvOf(count);
let started = performance.now();
const file = readImportFile(bytes);
if (!file.ok) throw new Error(file.reason);
const rows = rowsFromRecords(file.records, guessColumnMapping(file.headers));
const parsedMs = performance.now() - started;
const check = checkImportRows(rows, 'BR');
const checkedMs = performance.now() - started;
console.log(
  `${count.toLocaleString('en')} rows, ${(bytes.length / 1e6).toFixed(1)} MB: parse ${parsedMs.toFixed(0)} ms, parse + validate ${checkedMs.toFixed(0)} ms ` +
    `(${check.ready.length} ready, ${check.attention.length} need attention)`,
);

async function importInto(target: DatabaseTarget, label: string) {
  const db = await openDatabase(target);
  const backend = createDatabaseBackend(db);
  const importContacts = backend.provider.importContacts;
  if (!importContacts) throw new Error('no importContacts');
  const batches = splitIntoBatches<ContactImportRow>(
    check.ready.map(({ row, name, email, phone, attributes }) => ({ row, name, phone, ...(email ? { email } : {}), ...(attributes ? { attributes } : {}) })),
  );
  const perBatch: number[] = [];
  started = performance.now();
  let created = 0;
  for (const [index, batch] of batches.entries()) {
    const batchStarted = performance.now();
    const result = await importContacts({ input: { idempotencyKey: `bench-${Date.now()}-${index}`, rows: batch, onDuplicate: 'skip' } });
    created += result.created;
    perBatch.push(performance.now() - batchStarted);
  }
  const totalMs = performance.now() - started;
  perBatch.sort((left, right) => left - right);
  console.log(
    `${label}: ${created.toLocaleString('en')} created in ${(totalMs / 1000).toFixed(1)} s; ` +
      `1,000-row batch median ${perBatch[Math.floor(perBatch.length / 2)]?.toFixed(0)} ms, max ${perBatch.at(-1)?.toFixed(0)} ms`,
  );
  await backend.close();
  await db.close();
}

await importInto({ kind: 'pglite', dataDir: null }, 'PGlite (memory)');
const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL;
if (postgresUrl) await importInto({ kind: 'postgres', url: postgresUrl }, 'PostgreSQL');
