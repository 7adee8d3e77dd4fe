// PostgreSQL refuses NUL in text (22021), and UTF-8 cannot encode a lone surrogate (22P02 or an
// encoding error): text holding either fails inside a database, so it is refused before it gets there.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogatePattern = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with `text` for storage, or `undefined` when any database can store it as it is:
 * a NUL character or a lone surrogate (half of a UTF-16 pair) is refused.
 *
 * @example
 * unstorableTextReason('Ana\u0000'); // 'Remove the NUL character (\\u0000): it cannot be stored'
 */
export function unstorableTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Remove the NUL character (\\u0000): it cannot be stored';
  if (loneSurrogatePattern.test(text)) {
    return 'Remove the lone surrogate (half of a UTF-16 pair): it is not valid Unicode';
  }
  return undefined;
}
