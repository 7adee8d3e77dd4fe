import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { contactLimits, isAbortError, toReachoutError } from '../../core';
import { loadedPhone, loadPhone } from '../../core/phoneLoader';
import type { Contact, ContactInput, ContactInputMessages, ReachoutError } from '../../core';
import { useCreateContact, useReachout } from '../../data';
import { useMessages } from './messages';
import { countryOptions, pendingCountryOptions, regionOfLocale } from './countryOptions';
import { createContactFormSchema } from './createContactFormSchema';
import type { CreateContactFormOutput, CreateContactFormValues } from './createContactFormSchema';
import { useLatestRef } from '../internal/useLatestRef';
import { usePhone } from '../internal/usePhone';
import { applyProviderError, canRetry, textFields } from './applyProviderError';
import { phoneInfoOf, phoneNoteOf } from './phonePreview';
import { useCreateContactPropGetters } from './useCreateContactPropGetters';
import { usePhotoField } from './usePhotoField';

export { acceptedPhotoTypes } from './usePhotoField';
/** 2 MB, in the decimal megabytes file browsers show. */
const defaultMaxPhotoBytes = 2_000_000;

export type {
  CreateContactTextField,
  CreateContactField,
  CreateContactFormError,
  PhoneInfo,
  SelectedPhoto,
  UseCreateContactFormOptions,
  CreateContactInputProps,
  CreateContactSelectProps,
  CreateContactPhotoInputProps,
  UseCreateContactFormResult,
} from './createContactFormTypes';
import type { CreateContactField, CreateContactFormError, UseCreateContactFormOptions, UseCreateContactFormResult } from './createContactFormTypes';
import type { Translate } from './messages';

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
  return useCreateContactFormState(options, true);
}

/**
 * `useCreateContactForm`, loading the phone functions only once `loadPhoneNow` is true: the
 * dialog holds its form while closed (to keep a draft) but loads libphonenumber when it opens.
 */
export function useCreateContactFormState(options: UseCreateContactFormOptions, loadPhoneNow: boolean): UseCreateContactFormResult {
  const phone = usePhone(loadPhoneNow);
  const { t, locale, errorMessage } = useMessages();
  const { dataProvider } = useReachout();
  const createContact = useCreateContact();
  const maxPhotoBytes = options.maxPhotoBytes ?? defaultMaxPhotoBytes;
  const canUploadPhoto = typeof dataProvider.uploadMedia === 'function';

  const defaultName = options.defaultValues?.name ?? '';
  const defaultEmail = options.defaultValues?.email ?? '';
  const defaultPhone = options.defaultValues?.phone ?? '';
  // Until the metadata confirms it, the locale's region stands in (the same for every common locale).
  const defaultCountry = options.defaultCountry ?? (phone ? phone.countryFromLocale(locale) : regionOfLocale(locale)) ?? '';
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
  const { control, formState, getFieldState, getValues, handleSubmit, setError, setFocus, trigger } = form;
  const watched = useWatch({ control });
  const values: CreateContactFormValues = {
    name: watched.name ?? '',
    email: watched.email ?? '',
    phone: watched.phone ?? '',
    country: watched.country ?? '',
  };

  const [isPending, setIsPending] = useState(false);
  const [formError, setFormError] = useState<CreateContactFormError | null>(null);
  const photoField = usePhotoField(dataProvider, maxPhotoBytes);
  const { photo, photoRef, photoError, setPhotoError, photoInputRef, clearPhoto, uploadPhoto } = photoField;

  // State updates do not land between two clicks dispatched in one task: only a ref stops the
  // second click of a burst from submitting again.
  const submitting = useRef(false);
  const retryButtonRef = useRef<HTMLButtonElement | null>(null);
  const onCreatedRef = useLatestRef(options.onCreated);

  useEffect(() => {
    if (formError?.canRetry) retryButtonRef.current?.focus();
  }, [formError]);

  const clearDraft = useCallback(
    (nextValues: CreateContactFormValues) => {
      form.reset(nextValues);
      clearPhoto();
      setFormError(null);
      createContact.reset();
    },
    [form, clearPhoto, createContact],
  );

  const reset = useCallback(() => clearDraft(initialValues), [clearDraft, initialValues]);

  /** Puts a provider's failure where the person can act on it. */
  const showProviderError = useCallback(
    (error: ReachoutError) => {
      const placement = applyProviderError(error, photoRef.current !== null);
      if (placement.duplicatePhone) {
        // Loaded: the submit that got this answer waited for the phone functions.
        const typed = loadedPhone()?.normalizePhone(getValues('phone'), getValues('country') || undefined);
        setConflictPhone(typed?.ok ? typed.e164 : null);
        setError('phone', { type: 'server', message: t('createContact.error.phoneExists') }, { shouldFocus: true });
      }
      placement.fields.forEach(({ field, message }, index) =>
        setError(field, { type: 'server', message: message ?? errorMessage(error) }, { shouldFocus: index === 0 }),
      );
      if (placement.photoError !== null) setPhotoError(placement.photoError);
      if (placement.formError !== null) setFormError({ code: error.code, message: errorMessage(error), ...placement.formError });
    },
    [setError, getValues, t, errorMessage, photoRef, setPhotoError],
  );

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
    [uploadPhoto, createContact, showProviderError, clearDraft, initialValues, form, t, errorMessage, onCreatedRef, setPhotoError, photoInputRef],
  );

  const submit = useCallback(async () => {
    if (submitting.current) return;
    submitting.current = true;
    setFormError(null);
    try {
      // The phone is read (and checked) with the phone functions: Create waits for them, the
      // values stay as typed, and a chunk that does not arrive is an error the person can retry.
      if (loadedPhone() === undefined) {
        setIsPending(true);
        try {
          await loadPhone();
        } catch (error) {
          const reachoutError = toReachoutError(error);
          setFormError({ code: reachoutError.code, message: errorMessage(reachoutError), details: [], canRetry: true });
          return;
        } finally {
          setIsPending(false);
        }
      }
      await handleSubmit(create)();
    } finally {
      submitting.current = false;
    }
  }, [handleSubmit, create, errorMessage]);

  // Once the phone functions arrive, the phone's error (if the person has already left the
  // field) and a default country the metadata does not know catch up.
  useEffect(() => {
    if (phone === undefined) return;
    if (getFieldState('phone').isTouched) void trigger('phone');
    if (!getFieldState('country').isDirty && getValues('country') !== defaultCountry) {
      form.resetField('country', { defaultValue: defaultCountry });
    }
    // Runs when the functions arrive; the rest is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phone]);

  const phoneInfo = useMemo(
    () => (phone === undefined ? null : phoneInfoOf(values.phone, values.country, locale, phone)),
    [phone, values.phone, values.country, locale],
  );
  const duplicatePhone = conflictPhone !== null && phoneInfo?.e164 === conflictPhone ? conflictPhone : null;

  const phoneNote = phoneNoteOf(phoneInfo, t, locale);

  const errors: Partial<Record<CreateContactField, string>> = {};
  for (const field of textFields) {
    const message = formState.errors[field]?.message;
    if (message) errors[field] = message;
  }
  if (photoError) errors.photo = photoError;

  const propGetters = useCreateContactPropGetters({ form, errors, phoneNote, isPending, submit, selectPhoto: photoField.selectPhoto, photoInputRef, retryButtonRef });

  return {
    values,
    errors,
    formError,
    isPending,
    hasDraft: formState.isDirty || photo !== null,
    phoneReady: phone !== undefined,
    countries: phone ? countryOptions(locale, phone) : pendingCountryOptions(values.country, locale),
    phoneInfo,
    phoneNote,
    duplicatePhone,
    photo,
    canUploadPhoto,
    maxPhotoBytes,
    formatFileSize: photoField.formatFileSize,
    ...propGetters,
    submit,
    reset,
    selectPhoto: photoField.selectPhoto,
    removePhoto: photoField.removePhoto,
    focusFirstField: () => {
      const invalid = textFields.find((field) => errors[field] !== undefined);
      setFocus(invalid ?? 'name');
    },
  };
}
