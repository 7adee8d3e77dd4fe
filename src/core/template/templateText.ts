import type { TemplateParameterFormat } from '../types';

/** A run of a template's text: literal text or a `{{placeholder}}`. */
export type TemplateTextPart = { type: 'text'; text: string } | { type: 'placeholder'; key: string };

/*
 * Meta writes placeholders without inner whitespace and rejects templates that have any, so
 * `{{ 1 }}` never reaches an approved template: it is kept as literal text rather than guessed at.
 * A placeholder of the other format (`{{name}}` in a POSITIONAL template) is literal text too.
 */
const positionalPlaceholder = /\{\{([0-9]+)\}\}/g;
const namedPlaceholder = /\{\{([a-z_][a-z0-9_]*)\}\}/g;

function placeholderPattern(format: TemplateParameterFormat): RegExp {
  switch (format) {
    case 'POSITIONAL':
      return new RegExp(positionalPlaceholder.source, 'g');
    case 'NAMED':
      return new RegExp(namedPlaceholder.source, 'g');
    default:
      return format satisfies never;
  }
}

/** Splits template text into literal runs and placeholders, in order. */
export function splitPlaceholders(text: string, format: TemplateParameterFormat): TemplateTextPart[] {
  const parts: TemplateTextPart[] = [];
  let consumed = 0;
  for (const match of text.matchAll(placeholderPattern(format))) {
    const key = match[1];
    if (key === undefined) continue;
    if (match.index > consumed) parts.push({ type: 'text', text: text.slice(consumed, match.index) });
    parts.push({ type: 'placeholder', key });
    consumed = match.index + match[0].length;
  }
  if (consumed < text.length) parts.push({ type: 'text', text: text.slice(consumed) });
  return parts;
}

/**
 * The distinct placeholder keys of `text` in send order: by number for positional templates
 * (the Cloud API maps parameters to `{{1}}`, `{{2}}`... by position), by first appearance for
 * named ones.
 */
export function placeholderKeys(text: string, format: TemplateParameterFormat): string[] {
  const keys: string[] = [];
  for (const part of splitPlaceholders(text, format)) {
    if (part.type === 'placeholder' && !keys.includes(part.key)) keys.push(part.key);
  }
  if (format === 'POSITIONAL') keys.sort((left, right) => Number(left) - Number(right));
  return keys;
}

/** Replaces each placeholder with its value, or keeps `{{key}}` when it has none. */
export function fillPlaceholders(
  text: string,
  format: TemplateParameterFormat,
  valueOf: (key: string) => string | null,
  unfilled: 'keep' | 'empty',
): string {
  return splitPlaceholders(text, format)
    .map((part) => {
      if (part.type === 'text') return part.text;
      return valueOf(part.key) ?? (unfilled === 'keep' ? `{{${part.key}}}` : '');
    })
    .join('');
}

/** A value counts as filled when it has something besides whitespace. */
export function filledValue(value: string | undefined | null): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  return value;
}

/** The one variable a URL button may carry, at the end of its URL (`{{1}}` in every format). */
export const urlButtonPlaceholder = /\{\{[a-z0-9_]+\}\}/;

/** The button URL with its placeholder replaced by `suffix`. */
export function fillUrl(url: string, suffix: string): string {
  return url.replace(urlButtonPlaceholder, () => suffix);
}

/** An absolute `http:` or `https:` URL without whitespace. */
export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
