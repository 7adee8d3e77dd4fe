import { isDevelopment } from '../../data/internal/environment';

const warned = new Set<string>();

/**
 * Says once per page, in development only, that a deprecated name was used and what replaces
 * it. Deprecated names are kept for one minor version.
 */
export function warnDeprecated(oldName: string, replacement: string): void {
  if (warned.has(oldName) || !isDevelopment()) return;
  warned.add(oldName);
  console.warn(`Reachout: \`${oldName}\` is deprecated and will be removed in the next minor version; use \`${replacement}\` instead.`);
}

/** Forgets the warnings given, so a test can watch one appear. Not part of the public API. */
export function resetDeprecationWarnings(): void {
  warned.clear();
}
