import type { TemplateMessagePayload } from '../types';

/** Where a received Cloud API payload first departs from the one built from the template. */
export interface MessageDifference {
  /** The first differing place, e.g. `message.template.name` or `message.template.components[0].parameters[1].text`. */
  path: string;
  /** What the built payload has there, as JSON (`undefined` when it has nothing there). */
  expected: string | undefined;
  /** What the received payload has there, as JSON (`undefined` when it has nothing there). */
  received: string | undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const longestShownValue = 80;

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text.length > longestShownValue ? `${text.slice(0, longestShownValue - 1)}…` : text;
}

function differenceAt(expected: unknown, received: unknown, path: string): MessageDifference | null {
  if (Array.isArray(expected) && Array.isArray(received)) {
    const length = Math.max(expected.length, received.length);
    for (let index = 0; index < length; index += 1) {
      const found = differenceAt(expected[index], received[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (isPlainObject(expected) && isPlainObject(received)) {
    const keys = [...Object.keys(expected), ...Object.keys(received).filter((key) => !(key in expected))];
    for (const key of keys) {
      const found = differenceAt(expected[key], received[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return Object.is(expected, received) ? null : { path, expected: shown(expected), received: shown(received) };
}

/**
 * Compares a Cloud API payload a client sent (`SendNotificationInput.message`) with the one
 * `buildTemplateMessage` builds from the stored template and the parameters, and answers the
 * first place they differ, or `null` when they are the same. `to` is compared by its digits (the
 * Cloud API takes a number with or without `+`); everything else must be equal, with no field
 * missing or added. Providers use it to refuse a payload that would send something other than
 * what they validated and record.
 *
 * @example
 * const built = buildTemplateMessage({ to: contact.phone, template, parameters });
 * const difference = findMessageDifference(built, input.message);
 * if (difference) throw new ReachoutError('VALIDATION', `The message differs at ${difference.path}`);
 */
export function findMessageDifference(built: TemplateMessagePayload, received: unknown): MessageDifference | null {
  if (!isPlainObject(received)) return { path: 'message', expected: shown(built), received: shown(received) };
  const digits = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : value);
  if (digits(built.to) !== digits(received.to)) {
    return { path: 'message.to', expected: shown(built.to), received: shown(received.to) };
  }
  return differenceAt({ ...built, to: null }, { ...received, to: null }, 'message');
}
