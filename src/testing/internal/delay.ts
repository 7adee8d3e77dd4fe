import { createAbortError } from '../../core/errors';

/**
 * Waits `ms`, rejecting with an `AbortError` as soon as `signal` fires. Reads the global
 * `setTimeout` at call time so fake timers installed later (`vi.useFakeTimers()`) drive it.
 */
export function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(createAbortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      globalThis.clearTimeout(timer);
      reject(createAbortError(signal));
    };
    const timer = globalThis.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
