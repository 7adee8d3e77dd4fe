import { describe, expect, it } from 'vitest';
import { formatSegments, formatWhatsAppText } from '../../../src/core/template/formatWhatsAppText';
import type { FormattedVariableNode } from '../../../src/core/template/formatWhatsAppText';

const text = (value: string) => ({ type: 'text', text: value }) as const;
const variable = (key: string, value: string | null = null): FormattedVariableNode => ({
  type: 'variable',
  path: `body.${key}`,
  key,
  value,
});

describe('formatWhatsAppText', () => {
  it('returns plain text as one text node, and nothing for empty text', () => {
    expect(formatWhatsAppText('Hello there, friend.')).toEqual([text('Hello there, friend.')]);
    expect(formatWhatsAppText('')).toEqual([]);
  });

  it.each([
    ['*bold*', 'bold'],
    ['_italic_', 'italic'],
    ['~gone~', 'strikethrough'],
  ] as const)('reads %s as %s', (input, type) => {
    expect(formatWhatsAppText(`a ${input} b`)).toEqual([
      text('a '),
      { type, children: [text(input.slice(1, -1))] },
      text(' b'),
    ]);
  });

  it('reads ```code``` as monospace with its content verbatim', () => {
    expect(formatWhatsAppText('Run ```npm *i* _x_``` now')).toEqual([
      text('Run '),
      { type: 'monospace', text: 'npm *i* _x_' },
      text(' now'),
    ]);
  });

  it('nests markers', () => {
    expect(formatWhatsAppText('*_both_*')).toEqual([{ type: 'bold', children: [{ type: 'italic', children: [text('both')] }] }]);
    expect(formatWhatsAppText('~*a* b~')).toEqual([
      { type: 'strikethrough', children: [{ type: 'bold', children: [text('a')] }, text(' b')] },
    ]);
  });

  it('does not open a marker followed by a space, nor close one preceded by a space', () => {
    expect(formatWhatsAppText('* not bold*')).toEqual([text('* not bold*')]);
    expect(formatWhatsAppText('*not bold *')).toEqual([text('*not bold *')]);
    expect(formatWhatsAppText('2 * 3 * 4')).toEqual([text('2 * 3 * 4')]);
  });

  it('does not format markers inside words', () => {
    expect(formatWhatsAppText('call snake_case_name now')).toEqual([text('call snake_case_name now')]);
    expect(formatWhatsAppText('a*b*c')).toEqual([text('a*b*c')]);
    expect(formatWhatsAppText('_word_s')).toEqual([text('_word_s')]);
  });

  it('formats next to punctuation', () => {
    expect(formatWhatsAppText('(*yes*).')).toEqual([text('('), { type: 'bold', children: [text('yes')] }, text(').')]);
  });

  it('keeps unmatched and empty markers as text', () => {
    expect(formatWhatsAppText('*open only')).toEqual([text('*open only')]);
    expect(formatWhatsAppText('** and __')).toEqual([text('** and __')]);
    expect(formatWhatsAppText('a ``` b')).toEqual([text('a ``` b')]);
  });

  it('turns newlines into linebreaks and never pairs markers across lines', () => {
    expect(formatWhatsAppText('*one\ntwo*')).toEqual([text('*one'), { type: 'linebreak' }, text('two*')]);
    expect(formatWhatsAppText('a\n\nb')).toEqual([text('a'), { type: 'linebreak' }, { type: 'linebreak' }, text('b')]);
  });

  it('formats text in any script, with letters of that script ending words', () => {
    expect(formatWhatsAppText('مرحبًا *أحمد*')).toEqual([text('مرحبًا '), { type: 'bold', children: [text('أحمد')] }]);
    expect(formatWhatsAppText('olá_mundo_')).toEqual([text('olá_mundo_')]);
  });

  it('treats an emoji as punctuation, not as part of a word', () => {
    expect(formatWhatsAppText('🎉*yay*🎉')).toEqual([text('🎉'), { type: 'bold', children: [text('yay')] }, text('🎉')]);
  });
});

describe('formatSegments', () => {
  it('lets formatting wrap a variable', () => {
    expect(formatSegments(['*Hi ', variable('1', 'Ana'), '*'])).toEqual([
      { type: 'bold', children: [text('Hi '), variable('1', 'Ana')] },
    ]);
  });

  it('treats a variable as a word, so a marker glued to it does not open', () => {
    expect(formatSegments([variable('1'), '_x_'])).toEqual([variable('1'), text('_x_')]);
  });

  it('never reads markup inside a variable value', () => {
    expect(formatSegments(['Hi ', variable('1', '*<b>x</b>*'), '!'])).toEqual([
      text('Hi '),
      variable('1', '*<b>x</b>*'),
      text('!'),
    ]);
  });

  it('marks a variable inside a monospace span instead of dissolving it into text', () => {
    expect(formatSegments(['Code: ```', variable('2', 'PK-1'), '```'])).toEqual([
      text('Code: '),
      { ...variable('2', 'PK-1'), monospace: true },
    ]);
    expect(formatSegments(['```a ', variable('2'), ' b```'])).toEqual([
      { type: 'monospace', text: 'a ' },
      { ...variable('2'), monospace: true },
      { type: 'monospace', text: ' b' },
    ]);
  });
});
