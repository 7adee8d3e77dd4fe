import { describe, expect, it } from 'vitest';
import { contactListKeyMove } from '../../../src/components/contact-list/contactListKeyboard';

describe('contactListKeyMove', () => {
  it('moves one row with the arrows and a page with Page Up/Down', () => {
    expect(contactListKeyMove('ArrowDown', 4, 10)).toBe(5);
    expect(contactListKeyMove('ArrowUp', 4, 10)).toBe(3);
    expect(contactListKeyMove('PageDown', 4, 10)).toBe(14);
    expect(contactListKeyMove('PageUp', 4, 10)).toBe(-6);
  });

  it('goes to the first row with Home and past every loaded row with End', () => {
    expect(contactListKeyMove('Home', 40, 10)).toBe(0);
    expect(contactListKeyMove('End', 0, 10)).toBe(Number.POSITIVE_INFINITY);
  });

  it('selects with Enter and Space, and leaves other keys alone', () => {
    expect(contactListKeyMove('Enter', 2, 10)).toBe('select');
    expect(contactListKeyMove(' ', 2, 10)).toBe('select');
    expect(contactListKeyMove('a', 2, 10)).toBeNull();
    expect(contactListKeyMove('Tab', 2, 10)).toBeNull();
  });
});
