import type { ChangeEvent, FocusEvent, FormEvent, RefCallback, RefObject } from 'react';
import type { Contact, CountryCode, PhoneCorrection, ReachoutErrorCode } from '../../core';
import type { CountryOption } from './countryOptions';
import type { CreateContactFormValues } from './createContactFormSchema';

/** The fields a person types into. */
export type CreateContactTextField = 'name' | 'email' | 'phone';

/** Every field that can show an error. */
export type CreateContactField = CreateContactTextField | 'photo';

/** A failure that belongs to no single field, shown above the form's buttons. */
export interface CreateContactFormError {
  /** The provider's error code. */
  code: ReachoutErrorCode;
  /** What went wrong, in plain words (translated). */
  message: string;
  /** Field messages the form has no field for (a host backend's own validation). */
  details: string[];
  /** Sending the same values again may work (network, rate limit...). */
  canRetry: boolean;
}

/** The phone as the form reads it, once it is a valid number. */
export interface PhoneInfo {
  /** `+5511987654321`: what the provider receives. */
  e164: string;
  /** `+55 11 98765 4321`. */
  international: string;
  /** The number's country (its own `+` code wins over the selected country). */
  country: CountryCode | undefined;
  /** The number's country differs from the selected one: tell the person which was used. */
  isCountryFromNumber: boolean;
  /** A legacy form was rewritten (Mexico's `+52 1`, Brazil's missing 9). */
  correction: PhoneCorrection | undefined;
}

/** The photo chosen to upload with the contact. */
export interface SelectedPhoto {
  file: File;
  /** An object URL for an `<img>` preview; revoked when the photo is replaced or removed. */
  previewUrl: string;
}




export interface UseCreateContactFormOptions {
  /**
   * Reads a phone typed without `+` and a country code; the person can change it.
   * @default the country of the provider's locale (`countryFromLocale(locale)`), else none
   */
  defaultCountry?: CountryCode;
  /**
   * Values to start with, e.g. the phone number a search did not find. Read on mount and on reset.
   * @default empty fields
   */
  defaultValues?: Partial<Omit<CreateContactFormValues, 'country'>>;
  /**
   * The largest photo accepted, in bytes.
   * @default 2000000 (2 MB)
   */
  maxPhotoBytes?: number;
  /** Called with the new contact once the provider has created it (the form is reset by then). */
  onCreated?: (contact: Contact) => void;
}

/** Props for a text input, to spread on `<input>`. */
export interface CreateContactInputProps {
  id: string;
  name: CreateContactTextField;
  ref: RefCallback<HTMLInputElement>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: (event: FocusEvent<HTMLInputElement>) => void;
  type: 'text' | 'email' | 'tel';
  inputMode?: 'tel' | 'email';
  autoComplete: string;
  dir: 'auto' | 'ltr';
  spellCheck?: false;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

/** Props for the Country `<select>`. */
export interface CreateContactSelectProps {
  id: string;
  name: 'country';
  ref: RefCallback<HTMLSelectElement>;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  onBlur: (event: FocusEvent<HTMLSelectElement>) => void;
  autoComplete: 'country';
}

/** Props for the photo's `<input type="file">`. */
export interface CreateContactPhotoInputProps {
  id: string;
  ref: RefObject<HTMLInputElement | null>;
  type: 'file';
  accept: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  'aria-labelledby': string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface UseCreateContactFormResult {
  /** The values as typed so far. */
  values: CreateContactFormValues;
  /** Each field's current error message (client validation, then the provider's). */
  errors: Partial<Record<CreateContactField, string>>;
  /** A failure that belongs to no field; `null` when there is none. */
  formError: CreateContactFormError | null;
  /** The photo is uploading or the contact is being created. */
  isPending: boolean;
  /** Something was typed or chosen: closing by accident keeps it, `reset()` discards it. */
  hasDraft: boolean;
  /**
   * The phone functions (libphonenumber's metadata, loaded on first use in a chunk of their own)
   * have arrived. Until then `countries` holds only the chosen country, `phoneInfo` is `null`,
   * the phone shows no error, and a submit waits for them; typing works throughout.
   */
  phoneReady: boolean;
  /** Countries for the selector, named in the locale and sorted (only the chosen one until `phoneReady`). */
  countries: CountryOption[];
  /** The phone once valid, with the country it was read in; `null` while it is not a valid number. */
  phoneInfo: PhoneInfo | null;
  /** What to tell the person about their number (the country taken from it, a rewritten legacy form). */
  phoneNote: string | null;
  /** The number (E.164) the provider said another contact already has, while the field still holds it; else `null`. */
  duplicatePhone: string | null;
  /** The chosen photo. */
  photo: SelectedPhoto | null;
  /** The provider can store photos (`uploadMedia`); without it there is no photo field. */
  canUploadPhoto: boolean;
  /** The largest photo accepted, in bytes. */
  maxPhotoBytes: number;
  /** A size for people, e.g. `2 MB`, in the locale. */
  formatFileSize: (bytes: number) => string;
  /** Props for the `<form>`: submit goes through validation and the double-submit guard. */
  getFormProps: () => { onSubmit: (event: FormEvent<HTMLFormElement>) => void; noValidate: true; 'aria-busy': true | undefined };
  /** Props for a field's `<label>`. */
  getLabelProps: (field: CreateContactTextField | 'country') => { id: string; htmlFor: string };
  /** Props for a text field's `<input>`. */
  getInputProps: (field: CreateContactTextField) => CreateContactInputProps;
  /** Props for the Country `<select>`. */
  getCountrySelectProps: () => CreateContactSelectProps;
  /** Props for the photo's label: a plain element, as the file input is named by it and not by its button. */
  getPhotoLabelProps: () => { id: string };
  /** Props for the photo's `<input type="file">`. */
  getPhotoInputProps: () => CreateContactPhotoInputProps;
  /** Props for a field's hint (email "Optional", phone format, photo types and size). */
  getHintProps: (field: 'email' | 'phone' | 'photo') => { id: string };
  /** Props for the live note under the phone (`phoneNote`): render it always, so changes are announced. */
  getPhoneNoteProps: () => { id: string; role: 'status' };
  /** Props for a field's error message; render it only while the field has an error. */
  getErrorProps: (field: CreateContactField) => { id: string };
  /** Props for the submit button: disabled and `aria-busy` while pending. */
  getSubmitButtonProps: () => { type: 'submit'; disabled: boolean; 'aria-busy': true | undefined };
  /** Props for the Retry button of `formError`; focus moves to it when a retryable error appears. */
  getRetryButtonProps: () => { type: 'button'; onClick: () => void; ref: RefObject<HTMLButtonElement | null> };
  /** Validates and creates the contact; a call while one is running does nothing. */
  submit: () => Promise<void>;
  /** Discards the draft: values back to their defaults, photo and errors cleared. */
  reset: () => void;
  /** Takes a file for the photo, or rejects it with a message at the photo field. */
  selectPhoto: (file: File) => void;
  /** Removes the chosen photo and moves focus to the photo input. */
  removePhoto: () => void;
  /** Focuses the first field with an error, else the first field (for a dialog opening). */
  focusFirstField: () => void;
}
