// Contact import: reading CSV files, mapping their columns, and the rules every provider applies.
export { detectCsvDelimiter, parseCsv } from './csv';
export type { CsvDelimiter, CsvRecord } from './csv';
export { decodeCsvBytes } from './decode';
export type { CsvDecodeFailure, CsvDecodeResult, CsvEncoding } from './decode';
export { attributeKeyOf, attributeKeyPattern, checkColumnMapping, guessColumnMapping, remapColumn, rowsFromRecords } from './mapping';
export type { ImportColumnTarget, ImportMappingProblem } from './mapping';
export { checkImportRows, checkImportRowsInSteps, readImportFile } from './prepare';
export type { ImportAttentionRow, ImportCheck, ImportFileFailure, ImportFileResult } from './prepare';
export {
  assertImportBatchSize,
  checkImportRow,
  contactImportBatchSchema,
  contactImportFingerprint,
  contactImportResultSchema,
  importKeyReusedError,
  importResultOf,
  maxImportAttributes,
  maxImportBatchRows,
  planContactImport,
  splitIntoBatches,
  validateImportBatch,
} from './rules';
export type { ContactImportPlan, ContactImportSkip, ImportRowCheck, ValidImportRow } from './rules';
