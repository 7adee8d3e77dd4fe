import * as z from 'zod/mini';
import { isReachoutError, type ReachoutError, type ReachoutErrorCode } from '../../core/errors';

// The contract suite runs under any test framework, so it brings its own few assertions.

/** What a broken contract rule throws; its message says what was expected and what came back. */
export class ContractAssertionError extends Error {
  override readonly name = 'ContractAssertionError';
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractAssertionError(message);
}

export function assertEqual<Value>(actual: Value, expected: Value, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new ContractAssertionError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Equality of JSON-like values (arrays of ids, plain objects) by their JSON. */
export function assertJsonEqual(actual: unknown, expected: unknown, what: string): void {
  if (show(actual) !== show(expected)) {
    throw new ContractAssertionError(`${what}:\n  expected ${show(expected)}\n  got      ${show(actual)}`);
  }
}

/** The value has the shape `schema` describes (the response shapes of `reachout/core`). */
export function assertShape(schema: z.ZodMiniType, value: unknown, what: string): void {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ContractAssertionError(`${what} has the wrong shape: ${issues.join('; ')} in ${show(value)}`);
  }
}

/** Awaits `promise` and checks it rejects with a `ReachoutError` of `code`; returns that error. */
export async function assertRejectsWith(
  promise: Promise<unknown>,
  code: ReachoutErrorCode,
  what: string,
): Promise<ReachoutError> {
  let outcome: { resolved: true; value: unknown } | { resolved: false; error: unknown };
  try {
    outcome = { resolved: true, value: await promise };
  } catch (error) {
    outcome = { resolved: false, error };
  }
  if (outcome.resolved) {
    throw new ContractAssertionError(`${what}: expected a ${code} rejection, got ${show(outcome.value)}`);
  }
  const { error } = outcome;
  if (!isReachoutError(error)) {
    throw new ContractAssertionError(`${what}: expected a ReachoutError ${code}, got ${String(error)}`);
  }
  if (error.code !== code) {
    throw new ContractAssertionError(`${what}: expected ${code}, got ${error.code} (${error.message})`);
  }
  return error;
}

/** Awaits `promise` and checks it rejects with an error named `AbortError`. */
export async function assertAborts(promise: Promise<unknown>, what: string): Promise<void> {
  try {
    const value = await promise;
    throw new ContractAssertionError(`${what}: expected an AbortError, got ${show(value)}`);
  } catch (error) {
    if (error instanceof ContractAssertionError) throw error;
    const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
    assertEqual(name, 'AbortError', `${what}: the rejection's name`);
  }
}

/** Polls until `check` returns true (events may arrive asynchronously from a real backend). */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new ContractAssertionError(`${what} (waited ${timeoutMs} ms)`);
    await new Promise((resolve) => globalThis.setTimeout(resolve, 10));
  }
}
