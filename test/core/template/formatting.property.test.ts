import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSegments, formatWhatsAppText } from '../../../src/core/template/formatWhatsAppText';
import type { FormattedVariableNode, FormattingSegment } from '../../../src/core/template/formatWhatsAppText';
import type { FormattedNode } from '../../../src/core/template/types';

const markerCharacters = ['*', '_', '~', '`'];

/** Text with plenty of markers, spaces, newlines and non-Latin characters. */
const markedText = fc.string({
  unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', ' ', '*', '_', '~', '`', '\n', '.', '(', 'é', 'ش', '🎉'),
  maxLength: 40,
});

const variableNode: fc.Arbitrary<FormattedVariableNode> = fc
  .record({ key: fc.constantFrom('1', '2', 'name'), value: fc.option(fc.string({ maxLength: 12 }), { nil: null }) })
  .map(({ key, value }) => ({ type: 'variable', path: `body.${key}`, key, value }));

/** Writes nodes back as WhatsApp text: the exact inverse of formatting, outside monospace variables. */
function serialize(nodes: readonly FormattedNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'variable':
          return `{{${node.key}}}`;
        case 'linebreak':
          return '\n';
        case 'monospace':
          return `\`\`\`${node.text}\`\`\``;
        case 'bold':
          return `*${serialize(node.children)}*`;
        case 'italic':
          return `_${serialize(node.children)}_`;
        case 'strikethrough':
          return `~${serialize(node.children)}~`;
        default:
          return node satisfies never;
      }
    })
    .join('');
}

function visibleText(nodes: readonly FormattedNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'monospace':
          return node.text;
        case 'variable':
          return `{{${node.key}}}`;
        case 'linebreak':
          return '\n';
        default:
          return visibleText(node.children);
      }
    })
    .join('');
}

function* walk(nodes: readonly FormattedNode[]): Generator<FormattedNode> {
  for (const node of nodes) {
    yield node;
    if ('children' in node) yield* walk(node.children);
  }
}

/** Characters removed from `input` to get `output`, when `output` is a subsequence of it. */
function removedCharacters(input: string, output: string): string[] | null {
  const kept = Array.from(output);
  const removed: string[] = [];
  let keptIndex = 0;
  for (const character of input) {
    if (kept[keptIndex] === character) keptIndex += 1;
    else removed.push(character);
  }
  return keptIndex === kept.length ? removed : null;
}

describe('formatting tokenizer properties', () => {
  it('never throws, on any Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (input) => {
        formatWhatsAppText(input);
      }),
    );
  });

  it('writes back to exactly the input: nothing is lost or invented', () => {
    fc.assert(fc.property(markedText, (input) => serialize(formatWhatsAppText(input)) === input));
  });

  it('shows the input minus consumed markers, and consumes nothing else', () => {
    fc.assert(
      fc.property(markedText, (input) => {
        const nodes = formatWhatsAppText(input);
        const removed = removedCharacters(input, visibleText(nodes));
        expect(removed).not.toBeNull();
        for (const character of removed ?? []) expect(markerCharacters).toContain(character);
        const consumed = [...walk(nodes)]
          .map((node): number => (node.type === 'monospace' ? 6 : node.type === 'text' || node.type === 'linebreak' ? 0 : 2))
          .reduce((total, count) => total + count, 0);
        expect(removed).toHaveLength(consumed);
      }),
    );
  });

  it('returns text without markers or newlines as one text node', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'B', '7', ' ', '.', 'ñ', 'ش', '👍🏽', '<', '>'), minLength: 1 });
    fc.assert(
      fc.property(plain, (input) => {
        expect(formatWhatsAppText(input)).toEqual([{ type: 'text', text: input }]);
      }),
    );
  });

  it('never starts or ends a bold, italic or strikethrough span with whitespace', () => {
    fc.assert(
      fc.property(markedText, (input) => {
        for (const node of walk(formatWhatsAppText(input))) {
          if (node.type !== 'bold' && node.type !== 'italic' && node.type !== 'strikethrough') continue;
          const content = visibleText(node.children);
          expect(content.length).toBeGreaterThan(0);
          expect(content).toBe(content.trim());
        }
      }),
    );
  });

  it('keeps newlines only as linebreak nodes, one per newline', () => {
    fc.assert(
      fc.property(markedText, (input) => {
        const nodes = [...walk(formatWhatsAppText(input))];
        expect(nodes.filter((node) => node.type === 'linebreak')).toHaveLength(input.split('\n').length - 1);
        for (const node of nodes) if (node.type === 'text' || node.type === 'monospace') expect(node.text).not.toContain('\n');
      }),
    );
  });

  it('never interprets a variable value: the structure does not depend on values', () => {
    const textWithoutBackticks = fc.string({
      unit: fc.constantFrom('a', ' ', '*', '_', '~', '\n', '.'),
      maxLength: 12,
    });
    const segments = fc.array(fc.oneof(textWithoutBackticks, variableNode), { maxLength: 8 });
    fc.assert(
      fc.property(segments, (input) => {
        const withValues = formatSegments(input);
        const blank = input.map((segment) => (typeof segment === 'string' ? segment : { ...segment, value: null }));
        const withoutValues = formatSegments(blank);
        const stripValues = (nodes: FormattedNode[]) =>
          JSON.parse(JSON.stringify(nodes, (key, value: unknown) => (key === 'value' ? null : value))) as unknown;
        expect(stripValues(withValues)).toEqual(stripValues(withoutValues));
        const given = input.filter((segment): segment is FormattedVariableNode => typeof segment !== 'string');
        const found = [...walk(withValues)].filter((node) => node.type === 'variable');
        expect(found.map((node) => node.value)).toEqual(given.map((node) => node.value));
        expect(serialize(withValues)).toBe(serialize(withoutValues));
      }),
    );
  });

  it('writes segments with variables back to the same template text', () => {
    const segmentText = fc.string({ unit: fc.constantFrom('a', ' ', '*', '_', '~', '\n', ','), maxLength: 10 });
    const segments = fc.array(fc.oneof(segmentText, variableNode), { maxLength: 8 });
    const asTemplateText = (input: FormattingSegment[]) =>
      input.map((segment) => (typeof segment === 'string' ? segment : `{{${segment.key}}}`)).join('');
    fc.assert(fc.property(segments, (input) => serialize(formatSegments(input)) === asTemplateText(input)));
  });
});
