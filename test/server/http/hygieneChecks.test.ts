import { describe, expect, it } from 'vitest';
import { isReachoutError } from 'reachout/core';
import type { ReachoutError } from 'reachout/core';
import {
  maxJsonDepth,
  requireJsonDepthWithin,
  requireStorableJson,
  requireStorablePathParameters,
  requireStorableText,
} from '../../../server/src/http/hygiene';
import { createTestApp, expectProblem } from './helpers';

/** The `ReachoutError` `check` throws. */
function errorOf(check: () => void): ReachoutError {
  try {
    check();
  } catch (error) {
    if (isReachoutError(error)) return error;
    throw error;
  }
  throw new Error('Expected the check to throw');
}

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('requireJsonDepthWithin', () => {
  it(`accepts ${maxJsonDepth} levels and refuses one more, naming the body`, () => {
    expect(() => requireJsonDepthWithin(nestedArrays(maxJsonDepth))).not.toThrow();
    const error = errorOf(() => requireJsonDepthWithin(`{"a":${nestedArrays(maxJsonDepth)}}`));
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors).toEqual({ body: `Nest objects and arrays at most ${maxJsonDepth} levels deep` });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ text: `"${'['.repeat(100)}\\"{{{{`, more: ['\\', '[[['] });
    expect(() => requireJsonDepthWithin(text)).not.toThrow();
  });
});

describe('requireStorableJson', () => {
  it('names every string with NUL or a lone surrogate by its dotted path, array indexes included', () => {
    const error = errorOf(() =>
      requireStorableJson({ name: 'a\u0000', ticket: { description: 'ok' }, items: ['fine', { text: 'b\udc00' }] }),
    );
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['items.1.text', 'name']);
    expect(error.fieldErrors?.name).toMatch(/NUL/);
    expect(error.fieldErrors?.['items.1.text']).toMatch(/lone surrogate/);
  });

  it('names a bad object key with the character escaped', () => {
    const error = errorOf(() => requireStorableJson({ parameters: { ['x\ud800']: 'value' } }));
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['parameters.x\\ud800']);
  });

  it('accepts emoji, accents and right-to-left text', () => {
    expect(() => requireStorableJson({ name: 'José 🎉 \u202eabc', list: ['𝄞'] })).not.toThrow();
  });

  it('refuses a parsed value deeper than the limit without recursing', () => {
    let value: unknown = [];
    for (let level = 1; level < 100_000; level += 1) value = [value];
    expect(errorOf(() => requireStorableJson(value)).fieldErrors).toHaveProperty('body');
  });
});

describe('requireStorableText', () => {
  it('names headers, query values and field names that hold NUL or a lone surrogate', () => {
    const error = errorOf(() =>
      requireStorableText({ 'Idempotency-Key': 'key\u0000', 'Last-Event-ID': '12', ['na\u0000me']: 'x', search: '\ud800' }, 'query'),
    );
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['Idempotency-Key', 'na\\u0000me', 'search']);
  });
});

describe('requireStorablePathParameters', () => {
  it('answers NOT_FOUND for an id longer than 200 characters, and accepts 200', () => {
    expect(() => requireStorablePathParameters({ id: 'x'.repeat(200) })).not.toThrow();
    expect(errorOf(() => requireStorablePathParameters({ id: 'x'.repeat(201) })).code).toBe('NOT_FOUND');
  });
});

describe('a deeply nested JSON body over HTTP', () => {
  const post = (body: string) =>
    createTestApp().request('/api/v1/contacts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

  it('answers 400 naming the depth for a 1 MiB body of nested arrays', async () => {
    const problem = await expectProblem(await post(nestedArrays(500_000)), 400, 'VALIDATION');
    expect(problem.detail).toMatch(/nested more than 32 levels/);
  });

  it('checks the depth on the text before parsing it: unclosed deep text is too deep, not malformed', async () => {
    const problem = await expectProblem(await post('['.repeat(100)), 400, 'VALIDATION');
    expect(problem.detail).toMatch(/nested more than 32 levels/);
  });
});
