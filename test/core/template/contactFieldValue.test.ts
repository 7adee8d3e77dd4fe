import { describe, expect, it } from 'vitest';
import { contactFieldValue, standardContactFields } from '../../../src/core/template/contactFieldValue';
import type { Contact } from '../../../src/core/types';

const maria: Contact = {
  id: 'c1',
  name: '  Maria   da Silva ',
  email: 'maria@example.com',
  phone: '+5511987654321',
  avatarUrl: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  attributes: { city: 'São Paulo', plan: ' ' },
};

describe('contactFieldValue', () => {
  it('reads the name, tidied, and splits it into first and last name', () => {
    expect(contactFieldValue(maria, 'name')).toBe('Maria da Silva');
    expect(contactFieldValue(maria, 'firstName')).toBe('Maria');
    expect(contactFieldValue(maria, 'lastName')).toBe('da Silva');
  });

  it('joins the words of a last name with single spaces', () => {
    expect(contactFieldValue({ ...maria, name: 'Maria da \u00a0  Silva' }, 'lastName')).toBe('da Silva');
  });

  it('has no last name for a one-word name', () => {
    expect(contactFieldValue({ ...maria, name: 'Cher' }, 'lastName')).toBeNull();
    expect(contactFieldValue({ ...maria, name: 'Cher' }, 'firstName')).toBe('Cher');
  });

  it('reads email and phone, and null for a missing email', () => {
    expect(contactFieldValue(maria, 'email')).toBe('maria@example.com');
    expect(contactFieldValue(maria, 'phone')).toBe('+5511987654321');
    expect(contactFieldValue({ ...maria, email: null }, 'email')).toBeNull();
  });

  it('reads attributes, null when missing or blank', () => {
    expect(contactFieldValue(maria, 'attributes.city')).toBe('São Paulo');
    expect(contactFieldValue(maria, 'attributes.plan')).toBeNull();
    expect(contactFieldValue(maria, 'attributes.tier')).toBeNull();
    expect(contactFieldValue({ ...maria, attributes: undefined }, 'attributes.city')).toBeNull();
  });

  it('lists the built-in fields, each readable', () => {
    expect(standardContactFields).toEqual(['name', 'firstName', 'lastName', 'email', 'phone']);
    for (const field of standardContactFields) expect(contactFieldValue(maria, field)).not.toBeNull();
  });
});
