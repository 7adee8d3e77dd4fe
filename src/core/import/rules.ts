import * as z from 'zod/mini';
import { ReachoutError } from '../errors';
import { normalizePhone, type CountryCode, type PhoneCorrection } from '../phone';
import { createContactInputSchema, inputLimits } from '../schemas';
import type { Contact, ContactImportBatch, ContactImportResult, ContactImportRow, E164 } from '../types';
import { attributeKeyPattern } from './mapping';

/** The most rows one `importContacts` batch may hold. */
export const maxImportBatchRows = 1000;

/** The most attributes one imported row may carry. */
export const maxImportAttributes = 50;

/** One skipped row of a `ContactImportResult`. */
export type ContactImportSkip = ContactImportResult['skipped'][number];

/** A row that passed validation: what a provider writes. */
export interface ValidImportRow {
  row: number;
  name: string;
  email: string | null;
  phone: E164;
  attributes?: Record<string, string>;
  /** Set when the phone was a legacy form rewritten to today's number (Brazil, Mexico). */
  correction?: PhoneCorrection;
}

export type ImportRowCheck = { ok: true; value: ValidImportRow } | { ok: false; message: string };

const fieldLabels: Record<string, string> = { name: 'Name', email: 'Email', phone: 'Phone' };

type ContactSchema = ReturnType<typeof createContactInputSchema>;
const schemasByCountry = new Map<string, ContactSchema>();

/** The contact schema for a default country, built once per country. */
function contactSchemaFor(defaultCountry: string | undefined): ContactSchema {
  // The cache is speed only: without it each call builds the same schema.
  // Stryker disable next-line StringLiteral: the cache key (speed only).
  const key = defaultCountry ?? '';
  let schema = schemasByCountry.get(key);
  // Stryker disable next-line ConditionalExpression: rebuilding a cached schema (speed only).
  if (!schema) {
    schema = createContactInputSchema(defaultCountry ? { defaultCountry: defaultCountry as CountryCode } : {});
    // Stryker disable next-line all: filling the cache (speed only).
    schemasByCountry.set(key, schema);
  }
  return schema;
}

function checkAttributes(attributes: Record<string, string> | undefined): string | null {
  if (!attributes) return null;
  const entries = Object.entries(attributes);
  if (entries.length > maxImportAttributes) return `A contact has at most ${maxImportAttributes} attributes`;
  for (const [key, value] of entries) {
    if (!attributeKeyPattern.test(key)) return `Attribute "${key.slice(0, 80)}": use letters, digits, _ and - (at most 64)`;
    if (typeof value !== 'string') return `Attribute "${key}" must be text`;
    if (value.length > inputLimits.parameterValueMaxLength) {
      return `Attribute "${key}": use at most ${inputLimits.parameterValueMaxLength} characters`;
    }
  }
  return null;
}

/**
 * Validates one imported row with the same schema and phone normalisation as
 * CreateContactDialog (`createContactInputSchema`): trimmed name, optional email, phone to E.164
 * read with `defaultCountry` when it has no `+` code, plus the attribute rules. The message names
 * the field (`Phone: This number is too short`).
 */
export function checkImportRow(row: ContactImportRow, defaultCountry?: string): ImportRowCheck {
  const parsed = z.safeParse(contactSchemaFor(defaultCountry), { name: row.name, email: row.email ?? null, phone: row.phone });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Stryker disable next-line StringLiteral: unreachable, a failed parse always has an issue with a path.
    const field = issue?.path.map(String).join('.') ?? '';
    // Stryker disable next-line StringLiteral: as above; every field of the contact schema has a label.
    return { ok: false, message: `${fieldLabels[field] ?? 'Row'}: ${issue?.message ?? 'Not valid'}` };
  }
  const attributeProblem = checkAttributes(row.attributes);
  if (attributeProblem) return { ok: false, message: attributeProblem };
  const value: ValidImportRow = { row: row.row, name: parsed.data.name, email: parsed.data.email, phone: parsed.data.phone };
  const attributes = row.attributes && Object.entries(row.attributes).filter(([, text]) => text.trim() !== '');
  if (attributes && attributes.length > 0) value.attributes = Object.fromEntries(attributes.map(([key, text]) => [key, text.trim()]));
  // Only these two countries have legacy forms `normalizePhone` rewrites: ask it again for them alone.
  // Stryker disable next-line all: speed only; normalizePhone finds no correction for any other country.
  if (value.phone.startsWith('+52') || value.phone.startsWith('+55')) {
    const phone = normalizePhone(row.phone, defaultCountry as CountryCode | undefined);
    if (phone.ok && phone.correction) value.correction = phone.correction;
  }
  return { ok: true, value };
}

/** `Same phone as row 12`: the message of a later row repeating an earlier one's phone. */
export function duplicateInFileMessage(firstRow: number): string {
  return `Same phone as row ${firstRow}`;
}

/** Refuses a batch of more than `maxImportBatchRows` rows with a `VALIDATION` error. */
export function assertImportBatchSize(batch: Pick<ContactImportBatch, 'rows'>): void {
  if (batch.rows.length > maxImportBatchRows) {
    throw new ReachoutError(
      'VALIDATION',
      `A batch has at most ${maxImportBatchRows.toLocaleString('en')} rows (this one has ${batch.rows.length.toLocaleString('en')}); split the file into smaller batches`,
      { fieldErrors: { rows: `At most ${maxImportBatchRows} rows` } },
    );
  }
}

/** A batch's rows, validated: the ones to write, and the ones skipped (`VALIDATION`, `DUPLICATE_IN_FILE`). */
export function validateImportBatch(batch: ContactImportBatch): { valid: ValidImportRow[]; skipped: ContactImportSkip[] } {
  assertImportBatchSize(batch);
  const valid: ValidImportRow[] = [];
  const skipped: ContactImportSkip[] = [];
  const firstRowByPhone = new Map<E164, number>();
  for (const row of batch.rows) {
    const check = checkImportRow(row, batch.defaultCountry);
    if (!check.ok) {
      skipped.push({ row: row.row, code: 'VALIDATION', message: check.message });
      continue;
    }
    const firstRow = firstRowByPhone.get(check.value.phone);
    if (firstRow !== undefined) {
      skipped.push({ row: row.row, code: 'DUPLICATE_IN_FILE', message: duplicateInFileMessage(firstRow) });
      continue;
    }
    firstRowByPhone.set(check.value.phone, row.row);
    valid.push(check.value);
  }
  return { valid, skipped };
}

/** What a batch does to the stored contacts: the decisions only; the provider writes them. */
export interface ContactImportPlan {
  create: ValidImportRow[];
  /** Each existing contact as it is after the update (same id, phone and creation time). */
  update: Array<{ row: number; contact: Contact }>;
  skipped: ContactImportSkip[];
}

/**
 * The rules for applying a batch, shared by every provider: validates its rows
 * (`validateImportBatch`), then, for a row whose phone belongs to an existing contact, either
 * skips it (`CONFLICT`) or updates that contact's name, email (when the row has one) and
 * attributes (the row's merged over the contact's); never its phone.
 *
 * @param existingByPhone the stored contacts having one of the batch's valid phones (providers
 *   look them up in one query from `validateImportBatch(batch).valid`).
 */
export function planContactImport(
  batch: ContactImportBatch,
  validated: { valid: ValidImportRow[]; skipped: ContactImportSkip[] },
  existingByPhone: ReadonlyMap<E164, Contact>,
): ContactImportPlan {
  const plan: ContactImportPlan = { create: [], update: [], skipped: [...validated.skipped] };
  for (const row of validated.valid) {
    const existing = existingByPhone.get(row.phone);
    if (!existing) {
      plan.create.push(row);
    } else if (batch.onDuplicate === 'skip') {
      plan.skipped.push({ row: row.row, code: 'CONFLICT', message: `${existing.name} already has the phone number ${row.phone}` });
    } else {
      const contact: Contact = { ...existing, name: row.name, email: row.email ?? existing.email };
      if (row.attributes) contact.attributes = { ...existing.attributes, ...row.attributes };
      plan.update.push({ row: row.row, contact });
    }
  }
  plan.skipped.sort((left, right) => left.row - right.row);
  return plan;
}

/** The result a plan answers once written. */
export function importResultOf(plan: ContactImportPlan): ContactImportResult {
  return { created: plan.create.length, updated: plan.update.length, skipped: plan.skipped };
}

/** The message of a key repeated with different rows. */
export const importKeyReusedError = () =>
  new ReachoutError('CONFLICT', 'This idempotency key was already used for a different batch; use a new key for a new batch', {
    fieldErrors: { idempotencyKey: 'Already used for a different batch' },
  });

/** Splits rows into batches of at most `size` (default and maximum `maxImportBatchRows`). */
export function splitIntoBatches<Row>(rows: readonly Row[], size: number = maxImportBatchRows): Row[][] {
  const batchSize = Math.max(1, Math.min(size, maxImportBatchRows));
  const batches: Row[][] = [];
  for (let start = 0; start < rows.length; start += batchSize) batches.push(rows.slice(start, start + batchSize));
  return batches;
}

const textField = (max: number) => z.string().check(z.maxLength(max, `Use at most ${max} characters`));

/**
 * The envelope of a `ContactImportBatch` (reference server, `openapi.json`): types and bounds
 * only, so one bad row is skipped and reported rather than failing the batch. Rows beyond
 * `maxImportBatchRows` are refused by `assertImportBatchSize` (the server answers 413).
 */
export const contactImportBatchSchema = z.object({
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
  rows: z.array(
    z.object({
      row: z.number().check(z.int(), z.minimum(1)),
      name: textField(1000),
      email: z.optional(textField(1000)),
      phone: textField(1000),
      attributes: z.optional(z.record(textField(200), textField(4000))),
    }),
  ),
  onDuplicate: z.enum(['skip', 'update'], { error: 'Use "skip" or "update"' }),
  defaultCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'Use an ISO 3166 alpha-2 code such as BR'))),
});

/** The same text for the same batch, whatever the order of its attribute keys: what a repeated key is compared by. */
export function contactImportFingerprint(batch: ContactImportBatch): string {
  return JSON.stringify([
    batch.onDuplicate,
    batch.defaultCountry ?? null,
    batch.rows.map((row) => [
      row.row,
      row.name,
      row.email ?? null,
      row.phone,
      row.attributes ? Object.entries(row.attributes).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)) : null,
    ]),
  ]);
}

/** The answer of `importContacts` (checked in development, documented in `openapi.json`). */
export const contactImportResultSchema = z.object({
  created: z.number().check(z.int(), z.minimum(0)),
  updated: z.number().check(z.int(), z.minimum(0)),
  skipped: z.array(
    z.object({
      row: z.number().check(z.int()),
      code: z.enum(['VALIDATION', 'CONFLICT', 'DUPLICATE_IN_FILE']),
      message: z.string(),
    }),
  ),
}) satisfies z.ZodMiniType<ContactImportResult>;
