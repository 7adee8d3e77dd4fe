import type { Contact } from '../types';

/**
 * A contact field a template variable can be bound to ("dynamic content"): the name, its first
 * or last part, email, phone (E.164), or a host-defined attribute (`attributes.city`).
 */
export type ContactField = 'name' | 'firstName' | 'lastName' | 'email' | 'phone' | `attributes.${string}`;

/** The built-in contact fields, in the order a field picker lists them. */
export const standardContactFields = ['name', 'firstName', 'lastName', 'email', 'phone'] as const satisfies readonly ContactField[];

const attributePrefix = 'attributes.';

function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}

/**
 * The contact's value for `field`, trimmed, or `null` when the contact has none. `firstName` is
 * the name's first word and `lastName` the rest (`null` for a one-word name), since a contact
 * stores one name.
 *
 * @example
 * contactFieldValue({ ...contact, name: 'Maria da Silva' }, 'lastName'); // 'da Silva'
 */
export function contactFieldValue(contact: Contact, field: ContactField): string | null {
  if (field.startsWith(attributePrefix)) {
    return present(contact.attributes?.[field.slice(attributePrefix.length)]);
  }
  const words = contact.name.trim().split(/\s+/u);
  switch (field) {
    case 'name':
      return present(contact.name.replace(/\s+/gu, ' '));
    case 'firstName':
      return present(words[0]);
    case 'lastName':
      return present(words.slice(1).join(' '));
    case 'email':
      return present(contact.email);
    case 'phone':
      return present(contact.phone);
    default:
      return null;
  }
}
