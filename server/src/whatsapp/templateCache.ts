import { createAbortError, type MessageTemplate } from 'reachout/core';

/** How long a copy of the business account's templates is used before it is read again: 5 minutes. */
export const defaultTemplateCacheMs = 5 * 60 * 1000;

export interface TemplateCacheOptions {
  /** Reads every template from Meta (all pages). */
  load: (signal?: AbortSignal) => Promise<MessageTemplate[]>;
  /** How long a copy is fresh; it is also refreshed in the background this often. `0` reads every time. */
  maxAgeMs: number;
  /** @default Date.now */
  now?: () => number;
}

export interface TemplateCache {
  /** A fresh copy: the cached one while younger than `maxAgeMs` and not invalidated, else read now. */
  list(signal?: AbortSignal): Promise<MessageTemplate[]>;
  /** The template with `id` from a fresh copy; one not in it is looked for once more in a new read. */
  find(id: string, signal?: AbortSignal): Promise<MessageTemplate | undefined>;
  /** The templates changed at Meta (a template-status webhook): the next use reads them again. */
  invalidate(): void;
  /** Stops the background refresh. */
  close(): void;
}

/** `promise`, or an AbortError as soon as `signal` aborts (the work behind `promise` goes on). */
function untilAborted<Value>(promise: Promise<Value>, signal: AbortSignal | undefined): Promise<Value> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(createAbortError(signal));
  return new Promise<Value>((resolve, reject) => {
    const onAbort = () => reject(createAbortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The Cloud API mode's copy of the business account's templates, so listing them and sending do
 * not each ask the Graph API. A copy is used for `maxAgeMs` at most, refreshed in the background
 * on that period (so a send seldom waits for Meta) and dropped when a webhook says a template's
 * status changed. Concurrent reads share one request to Meta. A background refresh that fails
 * keeps nothing stale: the copy still expires on time, and the next use reads (and reports the
 * error) itself.
 */
export function createTemplateCache(options: TemplateCacheOptions): TemplateCache {
  const now = options.now ?? Date.now;
  let copy: { templates: MessageTemplate[]; readAt: number } | null = null;
  let reading: Promise<MessageTemplate[]> | null = null;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const scheduleRefresh = () => {
    clearTimeout(timer);
    if (closed || options.maxAgeMs <= 0) return;
    // A refresh that fails is reported by the next read that needs the templates.
    timer = setTimeout(() => (reading ??= startRead()), options.maxAgeMs);
    // The refresh never keeps the process alive.
    timer.unref?.();
  };

  /**
   * Reads from Meta, sharing a read in flight; a read started before an invalidation is not kept.
   * The shared read takes no caller's signal (one caller giving up must not fail the others):
   * each caller stops waiting on its own signal instead.
   */
  const read = (signal?: AbortSignal): Promise<MessageTemplate[]> => {
    if (signal?.aborted) return Promise.reject(createAbortError(signal));
    reading ??= startRead();
    return untilAborted(reading, signal);
  };

  const startRead = (): Promise<MessageTemplate[]> => {
    const started = generation;
    const current: Promise<MessageTemplate[]> = options
      .load()
      .then((templates) => {
        if (started === generation) {
          copy = { templates, readAt: now() };
          scheduleRefresh();
        }
        return templates;
      })
      .finally(() => {
        if (reading === current) reading = null;
      });
    // Every caller that still waits gets the error; callers that gave up (or a background refresh) do not need it.
    current.catch(() => {});
    return current;
  };

  const fresh = () => copy !== null && now() - copy.readAt < options.maxAgeMs;

  const list = async (signal?: AbortSignal) => (fresh() && copy ? copy.templates : read(signal));

  return {
    list,
    async find(id, signal) {
      const wasFresh = fresh();
      const found = (await list(signal)).find((template) => template.id === id);
      if (found || !wasFresh) return found;
      // Made after the copy was read (or not listed then): Meta is asked once before NOT_FOUND.
      return (await read(signal)).find((template) => template.id === id);
    },
    invalidate() {
      generation += 1;
      copy = null;
      reading = null;
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
