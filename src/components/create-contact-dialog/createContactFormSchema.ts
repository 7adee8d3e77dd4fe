import * as z from 'zod/mini';
import type { ContactInputMessages, CountryCode, PhoneResult } from '../../core';
import { loadedPhone } from '../../core/phoneLoader';
import { createContactInputSchemaWith } from '../../core/schemas';

/** What the create-contact form holds while a person types. */
export interface CreateContactFormValues {
  /** As typed; trimmed on submit. */
  name: string;
  /** As typed; empty means no email. */
  email: string;
  /** As typed: national (read with `country`) or international with a leading `+`. */
  phone: string;
  /** Reads a phone typed without `+`; `''` when none is chosen. */
  country: CountryCode | '';
}

/** The form's values once valid: trimmed, email `null` when empty, phone in E.164. */
export interface CreateContactFormOutput {
  name: string;
  email: string | null;
  phone: string;
}

/**
 * Reads the phone with the phone functions once they have loaded. Until then the number passes
 * as typed: the form shows no phone error it cannot know yet, and its submit waits for the
 * functions before it validates (so a number never leaves the form unread).
 */
function readPhoneWhenLoaded(input: string, defaultCountry?: CountryCode): PhoneResult {
  const phone = loadedPhone();
  if (phone !== undefined) return phone.normalizePhone(input, defaultCountry);
  return { ok: true, e164: input, country: undefined, national: input, international: input };
}

/**
 * The core contact schema, read with the country chosen in the form: the phone's country is a
 * form value, so the schema for each country is built on first use and kept.
 */
export function createContactFormSchema(messages: Partial<ContactInputMessages>) {
  const schemasByCountry = new Map<string, ReturnType<typeof createContactInputSchemaWith>>();
  const schemaFor = (country: CountryCode | '') => {
    let schema = schemasByCountry.get(country);
    if (!schema) {
      schema = createContactInputSchemaWith(readPhoneWhenLoaded, { ...(country ? { defaultCountry: country } : {}), messages });
      schemasByCountry.set(country, schema);
    }
    return schema;
  };
  return z.pipe(
    z.object({
      name: z.string(),
      email: z.string(),
      phone: z.string(),
      country: z.custom<CountryCode | ''>((value) => typeof value === 'string'),
    }),
    z.transform((values, context): CreateContactFormOutput => {
      const result = z.safeParse(schemaFor(values.country), {
        name: values.name,
        email: values.email,
        phone: values.phone,
      });
      if (result.success) {
        return { name: result.data.name, email: result.data.email, phone: result.data.phone };
      }
      for (const issue of result.error.issues) {
        context.issues.push({ code: 'custom', message: issue.message, input: values, path: issue.path });
      }
      return z.NEVER;
    }),
  );
}
