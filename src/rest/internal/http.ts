import { createAbortError, isReachoutError, ReachoutError, toReachoutError } from '../../core/errors';
import { describeStatus, errorFromResponse, networkError } from './errors';

/**
 * `HeadersInit`, spelled so that it also type-checks in Node (`@types/node` without the DOM lib
 * has `RequestInit` but no global `HeadersInit`).
 */
export type HeadersInitLike = NonNullable<RequestInit['headers']>;

export type HeadersOption = HeadersInitLike | (() => HeadersInitLike | Promise<HeadersInitLike>);

export interface HttpClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  headers?: HeadersOption;
}

export type QueryValue = string | number | null | undefined;

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path segments under the base URL, each encoded: `['contacts', id, 'tickets']`. */
  path: readonly string[];
  /** Undefined, null and empty values are left out. */
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

export interface HttpClient {
  url(path: readonly string[], query?: Record<string, QueryValue>): string;
  /** Headers from the `headers` option, resolved anew for every request. */
  resolveHeaders(): Promise<Headers>;
  /** The fetch to call now: the option, else whatever `globalThis.fetch` is at this moment. */
  fetch(): typeof fetch;
  /** Sends the request and answers its parsed JSON body; rejects with a `ReachoutError` or an abort. */
  request(request: HttpRequest): Promise<unknown>;
}

export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== null && entry[1] !== '')
    // encodeURIComponent rather than URLSearchParams: a space is %20, never a `+` a server may not decode.
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

function abortIfAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw createAbortError(signal);
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  function url(path: readonly string[], query?: Record<string, QueryValue>) {
    return `${baseUrl}/${path.map(encodeURIComponent).join('/')}${buildQuery(query)}`;
  }

  async function resolveHeaders() {
    const init = typeof options.headers === 'function' ? await options.headers() : options.headers;
    return new Headers(init);
  }

  function currentFetch(): typeof fetch {
    const fetchFunction = options.fetch ?? globalThis.fetch;
    if (typeof fetchFunction !== 'function') {
      throw new ReachoutError('UNKNOWN', 'No fetch function: pass `fetch` to createRestProvider in this environment');
    }
    return fetchFunction;
  }

  async function request({ method, path, query, json, form, headers: extraHeaders, signal }: HttpRequest) {
    abortIfAborted(signal);
    let headers: Headers;
    try {
      headers = await resolveHeaders();
    } catch (error) {
      abortIfAborted(signal);
      throw isReachoutError(error) ? error : new ReachoutError('UNKNOWN', 'Could not prepare the request headers', { cause: error });
    }
    abortIfAborted(signal);
    headers.set('Accept', 'application/json');
    for (const [name, value] of Object.entries(extraHeaders ?? {})) headers.set(name, value);
    let body: RequestInit['body'];
    if (form) {
      // fetch writes the multipart Content-Type with its boundary; a host's own would break it.
      headers.delete('Content-Type');
      body = form;
    } else if (json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(json);
    }

    const fetchFunction = currentFetch();
    let response: Response;
    let text: string;
    try {
      // Called unbound: `window.fetch` throws "Illegal invocation" when called as a method of another object.
      response = await fetchFunction(url(path, query), { method, headers, body, signal });
      text = await response.text();
    } catch (error) {
      abortIfAborted(signal);
      // Browsers and Node both reject with a TypeError when the request cannot be made.
      if (error instanceof TypeError) throw networkError(error);
      throw toReachoutError(error);
    }

    if (!response.ok) throw errorFromResponse(response, text);
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      throw new ReachoutError('UNKNOWN', `The server answered ${describeStatus(response)} with a body that is not JSON`, {
        cause,
      });
    }
  }

  return { url, resolveHeaders, fetch: currentFetch, request };
}
