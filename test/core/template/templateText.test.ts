import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  fillUrl,
  filledValue,
  isHttpUrl,
  placeholderKeys,
  splitPlaceholders,
} from '../../../src/core/template/templateText';

describe('splitPlaceholders', () => {
  it('splits positional text into literal runs and placeholders, ten and above included', () => {
    expect(splitPlaceholders('Hi {{1}}, ref {{10}} and {{123}}.', 'POSITIONAL')).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'placeholder', key: '1' },
      { type: 'text', text: ', ref ' },
      { type: 'placeholder', key: '10' },
      { type: 'text', text: ' and ' },
      { type: 'placeholder', key: '123' },
      { type: 'text', text: '.' },
    ]);
  });

  it('gives adjacent placeholders no empty text between them, nor before or after', () => {
    expect(splitPlaceholders('{{1}}{{2}}', 'POSITIONAL')).toEqual([
      { type: 'placeholder', key: '1' },
      { type: 'placeholder', key: '2' },
    ]);
    expect(splitPlaceholders('', 'POSITIONAL')).toEqual([]);
  });

  it('reads named placeholders in a named template and keeps the other format as text', () => {
    expect(splitPlaceholders('Hi {{first_name}} {{1}} {{order2}}', 'NAMED')).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'placeholder', key: 'first_name' },
      { type: 'text', text: ' {{1}} ' },
      { type: 'placeholder', key: 'order2' },
    ]);
    expect(splitPlaceholders('Hi {{first_name}}', 'POSITIONAL')).toEqual([{ type: 'text', text: 'Hi {{first_name}}' }]);
  });

  it('keeps placeholders with spaces, capitals or a leading digit as literal text', () => {
    expect(splitPlaceholders('{{ 1 }} {{Name}} {{2nd}} {{}}', 'NAMED')).toEqual([{ type: 'text', text: '{{ 1 }} {{Name}} {{2nd}} {{}}' }]);
    expect(splitPlaceholders('{{ 1 }} {{1a}} {{}}', 'POSITIONAL')).toEqual([{ type: 'text', text: '{{ 1 }} {{1a}} {{}}' }]);
  });
});

describe('placeholderKeys', () => {
  it('orders positional keys by number, not as text, without repeats', () => {
    expect(placeholderKeys('{{10}} {{2}} {{1}} {{2}} {{11}}', 'POSITIONAL')).toEqual(['1', '2', '10', '11']);
  });

  it('orders named keys by first appearance', () => {
    expect(placeholderKeys('{{name}} {{date}} {{name}} {{amount}}', 'NAMED')).toEqual(['name', 'date', 'amount']);
  });
});

describe('fillPlaceholders', () => {
  const values: Record<string, string> = { '1': 'Ana', '10': 'ten' };
  const valueOf = (key: string) => values[key] ?? null;

  it('replaces filled placeholders and keeps unfilled ones as {{key}}', () => {
    expect(fillPlaceholders('Hi {{1}}, {{2}} and {{10}}!', 'POSITIONAL', valueOf, 'keep')).toBe('Hi Ana, {{2}} and ten!');
  });

  it('drops unfilled placeholders when asked to', () => {
    expect(fillPlaceholders('Hi {{1}}, {{2}} and {{10}}!', 'POSITIONAL', valueOf, 'empty')).toBe('Hi Ana,  and ten!');
  });
});

describe('filledValue', () => {
  it('is the value itself, untrimmed, when it has more than whitespace', () => {
    expect(filledValue(' Ana ')).toBe(' Ana ');
  });

  it('is null for nothing, empty and whitespace-only values', () => {
    expect(filledValue(undefined)).toBeNull();
    expect(filledValue(null)).toBeNull();
    expect(filledValue('')).toBeNull();
    expect(filledValue(' \t\n')).toBeNull();
  });
});

describe('fillUrl', () => {
  it('replaces the placeholder, whatever its name, with the suffix taken literally', () => {
    expect(fillUrl('https://shop.example.com/{{1}}', 'spring')).toBe('https://shop.example.com/spring');
    expect(fillUrl('https://shop.example.com/{{12}}', 'a')).toBe('https://shop.example.com/a');
    expect(fillUrl('https://shop.example.com/{{order_id}}', '$&x')).toBe('https://shop.example.com/$&x');
  });

  it('leaves a URL without a placeholder alone', () => {
    expect(fillUrl('https://shop.example.com/{{ 1 }}', 'x')).toBe('https://shop.example.com/{{ 1 }}');
  });
});

describe('isHttpUrl', () => {
  it.each(['http://example.com', 'https://example.com/a?b=c#d', 'HTTPS://EXAMPLE.COM'])('accepts %s', (value) => {
    expect(isHttpUrl(value)).toBe(true);
  });

  it.each(['ftp://example.com', 'https://example.com/a b', ' https://example.com', 'example.com', 'https://', 'file:///etc/passwd'])(
    'refuses %j',
    (value) => {
      expect(isHttpUrl(value)).toBe(false);
    },
  );
});
