import type { ImportColumnTarget } from './mapping';
import type { ContactImportSkip } from './rules';
import type { ImportReportLabels } from './session';

/** A request to the import worker: one session method and its arguments. */
export type ImportWorkerRequest = { id: number } & (
  | { method: 'read'; file: Blob }
  | { method: 'check'; mapping: ImportColumnTarget[]; country: string }
  | { method: 'batch'; index: number }
  | { method: 'report'; labels: ImportReportLabels; skipped: ContactImportSkip[]; notSentFrom: number | null }
);

/** The worker's answer to request `id` (id 0: the worker started), or its progress. */
export type ImportWorkerResponse =
  | { id: number; result: unknown }
  | { id: number; error: { name: string; message: string } }
  | { id: number; progress: { done: number; total: number } };
