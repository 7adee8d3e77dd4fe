import { ReachoutError } from '../errors';

/**
 * JSON with object keys sorted, so two equal requests give the same string whatever their key
 * order: what an idempotency key's request is compared by (a backend may store a hash of it).
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

/**
 * The `CONFLICT` for an idempotency key reused with a different request (`what`: the kind of
 * request, e.g. `'notification'`), with `fieldErrors.idempotencyKey`.
 *
 * @example
 * if (stored.fingerprint !== stableStringify(input)) throw idempotencyConflictError('notification');
 */
export function idempotencyConflictError(what: string): ReachoutError {
  return new ReachoutError('CONFLICT', `This idempotency key was used for a different ${what}; use a new key for a new send`, {
    fieldErrors: { idempotencyKey: `Already used for a different ${what}` },
  });
}
