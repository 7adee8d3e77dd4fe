/** A class name, or nothing: falsy entries are how a part leaves out a class (e.g. when unstyled). */
export type ClassNameValue = string | false | null | undefined;

/**
 * Joins class names, skipping empty ones, so a part's own class and the host's `className`
 * can be merged in one expression.
 *
 * @example
 * cn(!unstyled && 'reachout-template-preview__bubble', className);
 */
export function cn(...classNames: ClassNameValue[]): string | undefined {
  const joined = classNames.filter(Boolean).join(' ');
  // `undefined`, not '', so React renders no empty `class` attribute.
  return joined === '' ? undefined : joined;
}
