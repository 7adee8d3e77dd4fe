import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ChangeEvent, FocusEvent, FormEvent, RefCallback, RefObject } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { contactLimits, countryFromLocale, isAbortError, normalizePhone, toReachoutError } from '../../core';
import type {
  Contact,
  ContactInput,
  ContactInputMessages,
  CountryCode,
  PhoneCorrection,
  ReachoutError,
  ReachoutErrorCode,
} from '../../core';
import { useCreateContact, useMessages, useReachout } from '../../data';
import { countryName, countryOptions } from './countryOptions';
import type { CountryOption } from './countryOptions';
import { createContactFormSchema } from './createContactFormSchema';
import type { CreateContactFormOutput, CreateContactFormValues } from './createContactFormSchema';
import { useLatestRef } from '../internal/useLatestRef';

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

/** The image types the photo field takes. SVG is left out: it can carry scripts. */
export const acceptedPhotoTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** 2 MB, in the decimal megabytes file browsers show. */
const defaultMaxPhotoBytes = 2_000_000;

const textFields: readonly CreateContactTextField[] = ['name', 'email', 'phone'];

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
  /** Countries for the selector, named in the locale and sorted. */
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

type Translate = ReturnType<typeof useMessages>['t'];

function validationMessages(t: Translate): Partial<ContactInputMessages> {
  return {
    nameRequired: t('createContact.validation.nameRequired'),
    nameTooLong: t('createContact.validation.nameTooLong', { max: contactLimits.nameMaxLength }),
    emailInvalid: t('createContact.validation.emailInvalid'),
    phoneRequired: t('createContact.validation.phoneRequired'),
    phoneInvalidCountry: t('createContact.validation.phoneInvalidCountry'),
    phoneTooShort: t('createContact.validation.phoneTooShort'),
    phoneTooLong: t('createContact.validation.phoneTooLong'),
    phoneInvalid: t('createContact.validation.phoneInvalid'),
    phoneNotANumber: t('createContact.validation.phoneNotANumber'),
  };
}

function isTextField(field: string): field is CreateContactTextField {
  return (textFields as readonly string[]).includes(field);
}

const photoFieldNames = new Set(['avatarUrl', 'photo', 'file']);

/** Which error codes a second attempt with the same values may fix. */
function canRetry(code: ReachoutErrorCode): boolean {
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

/**
 * The create-contact form without markup: values, validation (the core schema, on blur then on
 * change), the country selector, the photo (checked, previewed, uploaded with `uploadMedia`),
 * provider errors mapped onto fields, and a submit that creates one contact per click however
 * fast the clicks come. Spread the prop getters on your own elements.
 *
 * @example
 * const form = useCreateContactForm({ onCreated: (contact) => navigate(contact.id) });
 * return (
 *   <form {...form.getFormProps()}>
 *     <label {...form.getLabelProps('name')}>Name</label>
 *     <input {...form.getInputProps('name')} />
 *     {form.errors.name && <p {...form.getErrorProps('name')}>{form.errors.name}</p>}
 *     <button {...form.getSubmitButtonProps()}>Create</button>
 *   </form>
 * );
 */
export function useCreateContactForm(options: UseCreateContactFormOptions = {}): UseCreateContactFormResult {
  const { t, locale, errorMessage, formatNumber } = useMessages();
  const { dataProvider } = useReachout();
  const createContact = useCreateContact();
  const maxPhotoBytes = options.maxPhotoBytes ?? defaultMaxPhotoBytes;
  const canUploadPhoto = typeof dataProvider.uploadMedia === 'function';

  const defaultName = options.defaultValues?.name ?? '';
  const defaultEmail = options.defaultValues?.email ?? '';
  const defaultPhone = options.defaultValues?.phone ?? '';
  const defaultCountry = options.defaultCountry ?? countryFromLocale(locale) ?? '';
  const initialValues = useMemo<CreateContactFormValues>(
    () => ({ name: defaultName, email: defaultEmail, phone: defaultPhone, country: defaultCountry }),
    [defaultName, defaultEmail, defaultPhone, defaultCountry],
  );

  const schema = useMemo(() => createContactFormSchema(validationMessages(t)), [t]);
  // The number a CONFLICT was about, so the field can offer to open that contact.
  const [conflictPhone, setConflictPhone] = useState<string | null>(null);
  const form = useForm<CreateContactFormValues, unknown, CreateContactFormOutput>({
    resolver: zodResolver(schema),
    // First check when the person leaves a field, then on every change: no error while they are
    // still typing a field for the first time, and the error goes away as soon as it is fixed.
    mode: 'onTouched',
    defaultValues: initialValues,
  });
  const { control, formState, getFieldState, getValues, handleSubmit, register, setError, setFocus, trigger } = form;
  const watched = useWatch({ control });
  const values: CreateContactFormValues = {
    name: watched.name ?? '',
    email: watched.email ?? '',
    phone: watched.phone ?? '',
    country: watched.country ?? '',
  };

  const [isPending, setIsPending] = useState(false);
  const [formError, setFormError] = useState<CreateContactFormError | null>(null);
  const [photo, setPhoto] = useState<SelectedPhoto | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);

  // State updates do not land between two clicks dispatched in one task: only a ref stops the
  // second click of a burst from submitting again.
  const submitting = useRef(false);
  const photoRef = useRef<SelectedPhoto | null>(null);
  const uploaded = useRef<{ file: File; url: string } | null>(null);
  const uploadAbort = useRef<AbortController | null>(null);
  const photoInputRef = useRef<HTMLInputElement | null>(null);
  const retryButtonRef = useRef<HTMLButtonElement | null>(null);
  const onCreatedRef = useLatestRef(options.onCreated);

  useEffect(
    () => () => {
      uploadAbort.current?.abort();
      if (photoRef.current) URL.revokeObjectURL(photoRef.current.previewUrl);
    },
    [],
  );

  useEffect(() => {
    if (formError?.canRetry) retryButtonRef.current?.focus();
  }, [formError]);

  const replacePhoto = useCallback((next: SelectedPhoto | null) => {
    const previous = photoRef.current;
    if (previous && previous.previewUrl !== next?.previewUrl) URL.revokeObjectURL(previous.previewUrl);
    photoRef.current = next;
    setPhoto(next);
  }, []);

  const formatFileSize = useCallback(
    (bytes: number) =>
      bytes >= 1_000_000
        ? formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
        : formatNumber(Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' }),
    [formatNumber],
  );

  const selectPhoto = useCallback(
    (file: File) => {
      if (!(acceptedPhotoTypes as readonly string[]).includes(file.type)) {
        setPhotoError(t('createContact.photo.notImage'));
        return;
      }
      if (file.size > maxPhotoBytes) {
        setPhotoError(
          t('createContact.photo.tooLarge', { size: formatFileSize(file.size), maxSize: formatFileSize(maxPhotoBytes) }),
        );
        return;
      }
      setPhotoError(null);
      replacePhoto({ file, previewUrl: URL.createObjectURL(file) });
    },
    [t, maxPhotoBytes, formatFileSize, replacePhoto],
  );

  const removePhoto = useCallback(() => {
    replacePhoto(null);
    setPhotoError(null);
    photoInputRef.current?.focus();
  }, [replacePhoto]);

  const clearDraft = useCallback(
    (nextValues: CreateContactFormValues) => {
      form.reset(nextValues);
      replacePhoto(null);
      setPhotoError(null);
      setFormError(null);
      uploaded.current = null;
      createContact.reset();
    },
    [form, replacePhoto, createContact],
  );

  const reset = useCallback(() => clearDraft(initialValues), [clearDraft, initialValues]);

  /** Puts a provider's failure where the person can act on it. */
  const showProviderError = useCallback(
    (error: ReachoutError) => {
      const fieldErrors = error.fieldErrors ?? {};
      if (error.code === 'CONFLICT') {
        const duplicated = Object.keys(fieldErrors).filter(isTextField);
        // The contract's CONFLICT is a duplicate phone; a backend may name another unique field.
        if (duplicated.length === 0 || duplicated.includes('phone')) {
          const typed = normalizePhone(getValues('phone'), getValues('country') || undefined);
          setConflictPhone(typed.ok ? typed.e164 : null);
          setError('phone', { type: 'server', message: t('createContact.error.phoneExists') }, { shouldFocus: true });
        } else {
          duplicated.forEach((field, index) =>
            setError(field, { type: 'server', message: fieldErrors[field] ?? errorMessage(error) }, { shouldFocus: index === 0 }),
          );
        }
        return;
      }
      if (error.code === 'VALIDATION') {
        const details: string[] = [];
        let focused = false;
        for (const field of textFields) {
          const message = fieldErrors[field];
          if (message === undefined) continue;
          setError(field, { type: 'server', message }, { shouldFocus: !focused });
          focused = true;
        }
        for (const [field, message] of Object.entries(fieldErrors)) {
          if (isTextField(field)) continue;
          if (photoFieldNames.has(field) && photoRef.current) setPhotoError(message);
          else details.push(message);
        }
        if (details.length > 0 || !focused) {
          setFormError({
            code: error.code,
            message: errorMessage(error),
            details: details.length > 0 ? details : error.message ? [error.message] : [],
            canRetry: false,
          });
        }
        return;
      }
      setFormError({ code: error.code, message: errorMessage(error), details: [], canRetry: canRetry(error.code) });
    },
    [setError, getValues, t, errorMessage],
  );

  /** The photo's URL: uploaded once per file, so a retry after a failed create does not upload again. */
  const uploadPhoto = useCallback(async (): Promise<{ url: string | null } | { error: ReachoutError }> => {
    const current = photoRef.current;
    if (!current || !dataProvider.uploadMedia) return { url: null };
    if (uploaded.current?.file === current.file) return { url: uploaded.current.url };
    const controller = new AbortController();
    uploadAbort.current = controller;
    try {
      const { url } = await dataProvider.uploadMedia({ file: current.file, purpose: 'avatar' }, { signal: controller.signal });
      uploaded.current = { file: current.file, url };
      return { url };
    } catch (error) {
      return { error: toReachoutError(error) };
    } finally {
      if (uploadAbort.current === controller) uploadAbort.current = null;
    }
  }, [dataProvider]);

  const create = useCallback(
    async (output: CreateContactFormOutput) => {
      setIsPending(true);
      try {
        const upload = await uploadPhoto();
        if ('error' in upload) {
          if (isAbortError(upload.error.cause) || isAbortError(upload.error)) return;
          if (upload.error.code === 'VALIDATION') {
            const fieldErrors = upload.error.fieldErrors ?? {};
            setPhotoError(Object.values(fieldErrors)[0] ?? upload.error.message);
            photoInputRef.current?.focus();
          } else {
            setFormError({
              code: upload.error.code,
              message: t('createContact.photo.uploadFailed', { reason: errorMessage(upload.error) }),
              details: [],
              canRetry: canRetry(upload.error.code),
            });
          }
          return;
        }
        const input: ContactInput = { ...output, ...(upload.url ? { avatarUrl: upload.url } : {}) };
        let contact: Contact;
        try {
          contact = await createContact.mutateAsync(input);
        } catch (error) {
          showProviderError(toReachoutError(error));
          return;
        }
        // Keep the country: the next contact is most likely from the same one.
        clearDraft({ ...initialValues, country: form.getValues('country') });
        onCreatedRef.current?.(contact);
      } finally {
        setIsPending(false);
      }
    },
    [uploadPhoto, createContact, showProviderError, clearDraft, initialValues, form, t, errorMessage, onCreatedRef],
  );

  const submit = useCallback(async () => {
    if (submitting.current) return;
    submitting.current = true;
    setFormError(null);
    try {
      await handleSubmit(create)();
    } finally {
      submitting.current = false;
    }
  }, [handleSubmit, create]);

  const phoneInfo = useMemo<PhoneInfo | null>(() => {
    if (!values.phone.trim()) return null;
    const result = normalizePhone(values.phone, values.country || undefined);
    if (!result.ok) return null;
    return {
      e164: result.e164,
      international: result.international,
      country: result.country,
      isCountryFromNumber: result.country !== undefined && result.country !== values.country,
      correction: result.correction,
    };
  }, [values.phone, values.country]);

  const duplicatePhone = conflictPhone !== null && phoneInfo?.e164 === conflictPhone ? conflictPhone : null;

  let phoneNote: string | null = null;
  if (phoneInfo?.correction) {
    phoneNote = t(`createContact.phone.correction.${phoneInfo.correction}`, { phone: phoneInfo.international });
  } else if (phoneInfo?.isCountryFromNumber && phoneInfo.country) {
    phoneNote = t('createContact.phone.detectedCountry', { country: countryName(phoneInfo.country, locale) });
  }

  const errors: Partial<Record<CreateContactField, string>> = {};
  for (const field of textFields) {
    const message = formState.errors[field]?.message;
    if (message) errors[field] = message;
  }
  if (photoError) errors.photo = photoError;

  const baseId = useId();
  const idOf = (field: string, part: string) => `${baseId}-${field}-${part}`;
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  const countryRegistration = register('country', {
    onChange: () => {
      // The phone is read in the country: re-check it once the person has seen its error state.
      if (getFieldState('phone').isTouched || formState.isSubmitted) void trigger('phone');
    },
  });

  const inputSettings: Record<
    CreateContactTextField,
    Pick<CreateContactInputProps, 'type' | 'inputMode' | 'autoComplete' | 'dir' | 'spellCheck'>
  > = {
    name: { type: 'text', autoComplete: 'name', dir: 'auto' },
    email: { type: 'email', inputMode: 'email', autoComplete: 'email', dir: 'ltr', spellCheck: false },
    // Numbers read left to right in every script.
    phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel', dir: 'ltr' },
  };

  return {
    values,
    errors,
    formError,
    isPending,
    hasDraft: formState.isDirty || photo !== null,
    countries: countryOptions(locale),
    phoneInfo,
    phoneNote,
    duplicatePhone,
    photo,
    canUploadPhoto,
    maxPhotoBytes,
    formatFileSize,
    getFormProps: () => ({
      onSubmit: (event) => {
        event.preventDefault();
        void submit();
      },
      noValidate: true,
      'aria-busy': isPending || undefined,
    }),
    getLabelProps: (field) => ({ id: idOf(field, 'label'), htmlFor: idOf(field, 'input') }),
    getInputProps: (field) => {
      const registration = register(field);
      const hasHint = field === 'email' || field === 'phone';
      return {
        ...inputSettings[field],
        id: idOf(field, 'input'),
        name: field,
        ref: registration.ref,
        onChange: (event) => void registration.onChange(event),
        onBlur: (event) => void registration.onBlur(event),
        'aria-invalid': errors[field] ? true : undefined,
        'aria-describedby': describedBy(
          hasHint && idOf(field, 'hint'),
          field === 'phone' && phoneNote !== null && idOf('phone', 'note'),
          errors[field] !== undefined && idOf(field, 'error'),
        ),
        'aria-required': field === 'email' ? undefined : true,
      };
    },
    getCountrySelectProps: () => ({
      id: idOf('country', 'input'),
      name: 'country',
      ref: countryRegistration.ref,
      onChange: (event) => void countryRegistration.onChange(event),
      onBlur: (event) => void countryRegistration.onBlur(event),
      autoComplete: 'country',
    }),
    getPhotoLabelProps: () => ({ id: idOf('photo', 'label') }),
    getPhotoInputProps: () => ({
      id: idOf('photo', 'input'),
      ref: photoInputRef,
      type: 'file',
      accept: acceptedPhotoTypes.join(','),
      onChange: (event) => {
        const file = event.target.files?.[0];
        // Cleared so choosing the same file again (after removing it) still reports a change.
        event.target.value = '';
        if (file) selectPhoto(file);
      },
      'aria-labelledby': idOf('photo', 'label'),
      'aria-invalid': errors.photo ? true : undefined,
      'aria-describedby': describedBy(idOf('photo', 'hint'), errors.photo !== undefined && idOf('photo', 'error')),
    }),
    getHintProps: (field) => ({ id: idOf(field, 'hint') }),
    getPhoneNoteProps: () => ({ id: idOf('phone', 'note'), role: 'status' }),
    getErrorProps: (field) => ({ id: idOf(field, 'error') }),
    getSubmitButtonProps: () => ({ type: 'submit', disabled: isPending, 'aria-busy': isPending || undefined }),
    getRetryButtonProps: () => ({ type: 'button', onClick: () => void submit(), ref: retryButtonRef }),
    submit,
    reset,
    selectPhoto,
    removePhoto,
    focusFirstField: () => {
      const invalid = textFields.find((field) => errors[field] !== undefined);
      setFocus(invalid ?? 'name');
    },
  };
}
