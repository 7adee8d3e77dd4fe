import { describe, expect, it } from 'vitest';
import { loadedPhone, loadPhone } from '../../src/core/phoneLoader';

describe('loadPhone', () => {
  it('has nothing loaded until asked, then loads the phone functions once and keeps them', async () => {
    expect(loadedPhone()).toBeUndefined();
    const first = loadPhone();
    expect(loadPhone()).toBe(first);
    const phone = await first;
    expect(phone.formatPhone('+5511987654321')).toBe('+55 11 98765 4321');
    expect(loadedPhone()).toBe(phone);
  });
});
