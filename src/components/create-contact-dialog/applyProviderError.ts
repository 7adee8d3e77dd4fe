import type { ReachoutError, ReachoutErrorCode } from '../../core';
import type { CreateContactTextField } from './createContactFormTypes';

/** The text fields, in the form's order (the first with an error takes focus). */
export const textFields: readonly CreateContactTextField[] = ['name', 'email', 'phone'];

function isTextField(field: string): field is CreateContactTextField {
  return (textFields as readonly string[]).includes(field);
}

// Names a backend may give the photo's field.
const photoFieldNames = new Set(['avatarUrl', 'photo', 'file']);

/** Which error codes a second attempt with the same values may fix. */
export function canRetry(code: ReachoutErrorCode): boolean {
  switch (code) {
    case 'VALIDATION':
    case 'CONFLICT':
    case 'INVALID_NUMBER':
      return false;
    case 'NOT_FOUND':
    case 'ACTIVE_CHAT':
    case 'OPTED_OUT':
    case 'OUTSIDE_WINDOW':
    case 'RATE_LIMITED':
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
    case 'NETWORK':
    case 'UNKNOWN':
      return true;
    default:
      return code satisfies never;
  }
}

/** Where a provider's refusal to create a contact is shown in the form. */
export interface ProviderErrorPlacement {
  /** The typed phone belongs to another contact: "already exists" under the phone, with "Open contact". */
  duplicatePhone: boolean;
  /** Messages under text fields, in form order; `null` means "use the error's own message". */
  fields: { field: CreateContactTextField; message: string | null }[];
  /** A message under the photo. */
  photoError: string | null;
  /** The alert above the buttons, when nothing better placed says it all. */
  formError: { details: string[]; canRetry: boolean } | null;
}

/**
 * Decides where each part of a provider error goes (pure; the hook applies it): a CONFLICT on
 * the phone (or naming no field) is a duplicate number; VALIDATION messages go under their
 * fields, the photo's under the photo when one is chosen, and the rest into the form's alert;
 * anything else is the form's alert, with Retry when a second attempt may succeed.
 */
export function applyProviderError(error: ReachoutError, hasPhoto: boolean): ProviderErrorPlacement {
  const fieldErrors = error.fieldErrors ?? {};
  const nothing: ProviderErrorPlacement = { duplicatePhone: false, fields: [], photoError: null, formError: null };
  if (error.code === 'CONFLICT') {
    const duplicated = Object.keys(fieldErrors).filter(isTextField);
    // The contract's CONFLICT is a duplicate phone; a backend may name another unique field.
    if (duplicated.length === 0 || duplicated.includes('phone')) return { ...nothing, duplicatePhone: true };
    return { ...nothing, fields: duplicated.map((field) => ({ field, message: fieldErrors[field] ?? null })) };
  }
  if (error.code === 'VALIDATION') {
    const fields = textFields.flatMap((field) => {
      const message = fieldErrors[field];
      return message === undefined ? [] : [{ field, message }];
    });
    const details: string[] = [];
    let photoError: string | null = null;
    for (const [field, message] of Object.entries(fieldErrors)) {
      if (isTextField(field)) continue;
      if (photoFieldNames.has(field) && hasPhoto) photoError = message;
      else details.push(message);
    }
    const formError =
      details.length > 0 || fields.length === 0
        ? { details: details.length > 0 ? details : error.message ? [error.message] : [], canRetry: false }
        : null;
    return { ...nothing, fields, photoError, formError };
  }
  return { ...nothing, formError: { details: [], canRetry: canRetry(error.code) } };
}
