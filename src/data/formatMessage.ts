import { getNumberFormat, getPluralRules } from './internal/intl';

/** Values a message interpolates: `{name}` takes a string or number, plurals take numbers. */
export type MessageValues = Record<string, string | number | null | undefined>;

type MessageNode =
  | { type: 'text'; text: string }
  | { type: 'argument'; name: string }
  | { type: 'number'; name: string; style: string | null }
  | { type: 'pound' }
  | {
      type: 'plural' | 'selectordinal';
      name: string;
      offset: number;
      options: Map<string, MessageNode[]>;
    }
  | { type: 'select'; name: string; options: Map<string, MessageNode[]> };

class MessageSyntaxError extends Error {}

function parseMessage(source: string): MessageNode[] {
  let index = 0;

  const fail = (what: string): never => {
    throw new MessageSyntaxError(`${what} at ${index} in "${source}"`);
  };
  const skipSpace = () => {
    while (index < source.length && /\s/.test(source[index] ?? '')) index += 1;
  };
  const readToken = (stops: string): string => {
    const start = index;
    while (index < source.length && !stops.includes(source[index] ?? '')) index += 1;
    return source.slice(start, index).trim();
  };
  const expect = (character: string) => {
    skipSpace();
    if (source[index] !== character) fail(`expected "${character}"`);
    index += 1;
  };

  // Inside a plural branch `#` stands for the number; elsewhere it is plain text.
  const parseNodes = (nested: boolean, inPlural: boolean): MessageNode[] => {
    const nodes: MessageNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', text });
      text = '';
    };
    while (index < source.length) {
      const character = source[index];
      if (character === '{') {
        flush();
        nodes.push(parseArgument());
      } else if (character === '}') {
        if (!nested) fail('unexpected "}"');
        break;
      } else if (character === '#' && inPlural) {
        flush();
        nodes.push({ type: 'pound' });
        index += 1;
      } else {
        text += character;
        index += 1;
      }
    }
    flush();
    return nodes;
  };

  const parseOptions = (inPlural: boolean) => {
    const options = new Map<string, MessageNode[]>();
    let offset = 0;
    for (;;) {
      skipSpace();
      if (source[index] === '}') break;
      if (index >= source.length) fail('unterminated options');
      const selector = readToken('{}\t\n ');
      if (selector.startsWith('offset:')) {
        offset = Number(selector.slice('offset:'.length));
        if (Number.isNaN(offset)) fail('invalid offset');
        continue;
      }
      if (!selector) fail('missing selector');
      expect('{');
      options.set(selector, parseNodes(true, inPlural));
      expect('}');
    }
    if (!options.has('other')) fail('missing "other"');
    return { options, offset };
  };

  const parseArgument = (): MessageNode => {
    index += 1;
    skipSpace();
    const name = readToken(',}');
    if (!name) fail('missing argument name');
    if (source[index] === '}') {
      index += 1;
      return { type: 'argument', name };
    }
    index += 1;
    const kind = readToken(',}');
    if (kind === 'number') {
      let style: string | null = null;
      if (source[index] === ',') {
        index += 1;
        style = readToken('}');
      }
      expect('}');
      return { type: 'number', name, style };
    }
    if (kind === 'plural' || kind === 'selectordinal' || kind === 'select') {
      expect(',');
      const { options, offset } = parseOptions(kind !== 'select');
      expect('}');
      return kind === 'select' ? { type: 'select', name, options } : { type: kind, name, offset, options };
    }
    return fail(`unsupported argument type "${kind}"`);
  };

  const nodes = parseNodes(false, false);
  if (index < source.length) fail('unexpected "}"');
  return nodes;
}

const parsedMessages = new Map<string, MessageNode[] | null>();

function parseCached(template: string): MessageNode[] | null {
  let parsed = parsedMessages.get(template);
  if (parsed === undefined) {
    try {
      parsed = parseMessage(template);
    } catch (error) {
      if (!(error instanceof MessageSyntaxError)) throw error;
      parsed = null;
    }
    parsedMessages.set(template, parsed);
  }
  return parsed;
}

function numberStyle(style: string | null): Intl.NumberFormatOptions {
  if (style === 'integer') return { maximumFractionDigits: 0 };
  if (style === 'percent') return { style: 'percent' };
  return {};
}

function formatNodes(nodes: MessageNode[], values: MessageValues, locale: string, pound: number | null): string {
  let output = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        output += node.text;
        break;
      case 'pound':
        output += pound === null ? '#' : getNumberFormat(locale).format(pound);
        break;
      case 'argument': {
        const value = values[node.name];
        if (value === undefined || value === null) output += `{${node.name}}`;
        else output += typeof value === 'number' ? getNumberFormat(locale).format(value) : value;
        break;
      }
      case 'number': {
        const value = Number(values[node.name]);
        output += Number.isNaN(value)
          ? `{${node.name}}`
          : getNumberFormat(locale, numberStyle(node.style)).format(value);
        break;
      }
      case 'plural':
      case 'selectordinal': {
        const value = Number(values[node.name]);
        if (Number.isNaN(value)) {
          output += `{${node.name}}`;
          break;
        }
        const type = node.type === 'plural' ? 'cardinal' : 'ordinal';
        const category = getPluralRules(locale, type).select(value - node.offset);
        const branch = node.options.get(`=${value}`) ?? node.options.get(category) ?? node.options.get('other') ?? [];
        output += formatNodes(branch, values, locale, value - node.offset);
        break;
      }
      case 'select': {
        const value = values[node.name];
        const branch =
          (value === undefined || value === null ? undefined : node.options.get(String(value))) ??
          node.options.get('other') ??
          [];
        output += formatNodes(branch, values, locale, pound);
        break;
      }
      default:
        node satisfies never;
    }
  }
  return output;
}

/**
 * Formats a message written in a subset of ICU MessageFormat: `{name}` interpolation,
 * `{count, plural, =0 {none} one {# contact} other {# contacts}}` (exact `=N` matches first,
 * then the locale's plural category, `#` being the number), `selectordinal`, `select`, and
 * `{n, number}` / `{n, number, percent}` / `{n, number, integer}`. A value that is missing stays
 * visible as `{name}`; a malformed message is returned as written rather than throwing in render.
 * Apostrophes are plain text (no ICU quoting).
 *
 * @example
 * formatMessage('{count, plural, one {# contact} other {# contacts}}', { count: 1200 }, 'en');
 * // → '1,200 contacts'
 */
export function formatMessage(template: string, values: MessageValues = {}, locale = 'en'): string {
  const nodes = parseCached(template);
  return nodes === null ? template : formatNodes(nodes, values, locale, null);
}
