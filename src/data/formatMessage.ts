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

/** A recursive-descent reader of the ICU message subset Reachout's strings use. */
class MessageParser {
  private index = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  parse(): MessageNode[] {
    const nodes = this.parseNodes(false, false);
    if (this.index < this.source.length) this.fail('unexpected "}"');
    return nodes;
  }

  private fail(what: string): never {
    throw new MessageSyntaxError(`${what} at ${this.index} in "${this.source}"`);
  }

  private skipSpace() {
    while (this.index < this.source.length && /\s/.test(this.source[this.index] ?? '')) this.index += 1;
  }

  private readToken(stops: string): string {
    const start = this.index;
    while (this.index < this.source.length && !stops.includes(this.source[this.index] ?? '')) this.index += 1;
    return this.source.slice(start, this.index).trim();
  }

  private expect(character: string) {
    this.skipSpace();
    if (this.source[this.index] !== character) this.fail(`expected "${character}"`);
    this.index += 1;
  }

  // Inside a plural branch `#` stands for the number; elsewhere it is plain text.
  private parseNodes(nested: boolean, inPlural: boolean): MessageNode[] {
    const nodes: MessageNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', text });
      text = '';
    };
    while (this.index < this.source.length) {
      const character = this.source[this.index];
      if (character === '{') {
        flush();
        nodes.push(this.parseArgument());
      } else if (character === '}') {
        if (!nested) this.fail('unexpected "}"');
        break;
      } else if (character === '#' && inPlural) {
        flush();
        nodes.push({ type: 'pound' });
        this.index += 1;
      } else {
        text += character;
        this.index += 1;
      }
    }
    flush();
    return nodes;
  }

  private parseOptions(inPlural: boolean) {
    const options = new Map<string, MessageNode[]>();
    let offset = 0;
    for (;;) {
      this.skipSpace();
      if (this.source[this.index] === '}') break;
      if (this.index >= this.source.length) this.fail('unterminated options');
      const selector = this.readToken('{}\t\n ');
      if (selector.startsWith('offset:')) {
        offset = Number(selector.slice('offset:'.length));
        if (Number.isNaN(offset)) this.fail('invalid offset');
        continue;
      }
      if (!selector) this.fail('missing selector');
      this.expect('{');
      options.set(selector, this.parseNodes(true, inPlural));
      this.expect('}');
    }
    if (!options.has('other')) this.fail('missing "other"');
    return { options, offset };
  }

  private parseArgument(): MessageNode {
    this.index += 1;
    this.skipSpace();
    const name = this.readToken(',}');
    if (!name) this.fail('missing argument name');
    if (this.source[this.index] === '}') {
      this.index += 1;
      return { type: 'argument', name };
    }
    this.index += 1;
    const kind = this.readToken(',}');
    if (kind === 'number') {
      let style: string | null = null;
      if (this.source[this.index] === ',') {
        this.index += 1;
        style = this.readToken('}');
      }
      this.expect('}');
      return { type: 'number', name, style };
    }
    if (kind === 'plural' || kind === 'selectordinal' || kind === 'select') {
      this.expect(',');
      const { options, offset } = this.parseOptions(kind !== 'select');
      this.expect('}');
      return kind === 'select' ? { type: 'select', name, options } : { type: kind, name, offset, options };
    }
    return this.fail(`unsupported argument type "${kind}"`);
  }
}

function parseMessage(source: string): MessageNode[] {
  return new MessageParser(source).parse();
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
