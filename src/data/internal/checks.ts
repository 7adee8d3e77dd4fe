import { ReachoutError } from '../../core/errors';
import type { ReachoutMethod } from '../../core/provider';

/** Answers what is wrong with a provider response (`null` when it looks right). */
export type ResponseCheck = (value: unknown) => string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasId(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string';
}

/** `{ items: [], nextCursor }` with an `id` on every item. */
export const checkPage: ResponseCheck = (value) => {
  const isPage =
    isRecord(value) &&
    Array.isArray(value.items) &&
    (value.nextCursor === null || typeof value.nextCursor === 'string') &&
    value.items.every(hasId);
  return isPage ? null : 'page: expected { items: [], nextCursor }, every item with an id';
};

/** An array of objects with an `id`. */
export const checkList: ResponseCheck = (value) =>
  Array.isArray(value) && value.every(hasId) ? null : 'response: expected an array of objects with an id';

/** One object with an `id`, named after what it should be (`contact`, `ticket`...). */
export function checkEntity(name: string): ResponseCheck {
  return (value) => (hasId(value) ? null : `${name}: expected an object with an id`);
}

/** One object with an `id`, or `null`. */
export function checkNullableEntity(name: string): ResponseCheck {
  return (value) => (value === null || hasId(value) ? null : `${name}: expected an object with an id, or null`);
}

const invalidResponseName = 'InvalidProviderResponse';

/** The error for a response of the wrong shape; development only, never retried. */
export function invalidResponseError(method: ReachoutMethod, problem: string): ReachoutError {
  const message = `${method} returned an invalid ${problem}`;
  const cause = new TypeError(message);
  cause.name = invalidResponseName;
  return new ReachoutError('UNKNOWN', message, { cause });
}

/** True for the error `invalidResponseError` makes: retrying a wrong shape cannot help. */
export function isInvalidResponseError(error: ReachoutError): boolean {
  return error.cause instanceof Error && error.cause.name === invalidResponseName;
}
