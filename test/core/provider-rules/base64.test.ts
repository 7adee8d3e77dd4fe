import { describe, expect, it } from 'vitest';
import { bytesToBase64, decodeBase64Url, encodeBase64Url } from '../../../src/core/provider-rules/base64';

describe('encodeBase64Url', () => {
  it('writes the URL-safe alphabet: - for +, _ for /', () => {
    // '???' is 'Pz8/' and '>>>' is 'Pj4+' in standard base64.
    expect(encodeBase64Url('???')).toBe('Pz8_');
    expect(encodeBase64Url('>>>')).toBe('Pj4-');
  });

  it('drops all the padding, one = or two', () => {
    expect(encodeBase64Url('a')).toBe('YQ');
    expect(encodeBase64Url('ab')).toBe('YWI');
    expect(encodeBase64Url('abc')).toBe('YWJj');
  });

  it('encodes the UTF-8 bytes of any script', () => {
    expect(encodeBase64Url('é👍')).toBe('w6nwn5GN');
  });
});

describe('bytesToBase64', () => {
  it('encodes more bytes than one chunk of String.fromCharCode', () => {
    const bytes = new Uint8Array(0x8000 + 1).fill(0xfb);
    expect(bytesToBase64(bytes)).toBe('+/v7'.repeat((0x8000 + 1) / 3));
  });
});

describe('decodeBase64Url', () => {
  it('reads back what encodeBase64Url wrote, - and _ included', () => {
    for (const text of ['???', '>>>', 'a', 'ab', 'é👍', '']) expect(decodeBase64Url(encodeBase64Url(text))).toBe(text);
  });

  it('refuses the standard alphabet and padding, anywhere in the text', () => {
    expect(decodeBase64Url('YQ==')).toBeNull();
    expect(decodeBase64Url('Pz8/')).toBeNull();
    expect(decodeBase64Url('+YWJj')).toBeNull();
    expect(decodeBase64Url('YWJj+')).toBeNull();
  });

  it('refuses bytes that are not UTF-8 rather than replacing them', () => {
    // '_w' is the single byte 0xFF, which UTF-8 never uses.
    expect(decodeBase64Url('_w')).toBeNull();
    expect(decodeBase64Url('YV8')).toBe('a_');
  });
});
