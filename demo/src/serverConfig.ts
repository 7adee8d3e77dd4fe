/** Where the page finds its API, as the reference server writes it into the page it serves. */
export interface ServerConfig {
  /** The API base, e.g. `/api/v1` (resolved against the page's address). */
  baseUrl: string;
  /** The bearer token every API request carries. */
  token: string;
}

function metaContent(document: Document, name: string): string | null {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim();
  return content === undefined || content === '' ? null : content;
}

/**
 * Reads `<meta name="reachout-api-base">` and `<meta name="reachout-api-token">`, which the
 * reference server injects when it serves the built page (`REACHOUT_STATIC_DIR`). `null` when
 * either is missing: the page was opened some other way.
 */
export function readServerConfig(document: Document): ServerConfig | null {
  const base = metaContent(document, 'reachout-api-base');
  const token = metaContent(document, 'reachout-api-token');
  if (base === null || token === null) return null;
  return { baseUrl: new URL(base, document.baseURI).href.replace(/\/$/, ''), token };
}
