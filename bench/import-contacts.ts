// Figures for contact import (issue #20): `npx tsx bench/import-contacts.ts [rows]`.
// Prints the time to read + check a generated CSV of `rows` contacts (default 100,000) with the core
// functions the dialog uses, then the time to import it in batches of 1,000 through the database
// backend on PGlite (in memory) and, when REACHOUT_TEST_DATABASE_URL is set, on PostgreSQL (in a
// new database). `load average` is printed with the figures: on a shared machine it moves them.
import {
  checkImportRows,
  guessColumnMapping,
  readImportFile,
  rowsFromRecords,
  splitIntoBatches,
  type ContactImportRow,
} from 'reachout/core';
import pg from 'pg';
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

const { loadavg } = await import('node:os');
console.log(`load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
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
if (postgresUrl) {
  // A new database of its own, so every row is created (not skipped as existing) and nothing is left behind.
  const databaseName = `reachout_bench_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${databaseName}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${databaseName}`;
  try {
    await importInto({ kind: 'postgres', url: url.toString() }, 'PostgreSQL');
  } finally {
    await admin(`drop database if exists ${databaseName} with (force)`);
  }
}
