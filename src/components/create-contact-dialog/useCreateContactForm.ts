import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { contactLimits, isAbortError, toReachoutError } from '../../core';
import { loadedPhone, loadPhone } from '../../core/phoneLoader';
import type { Contact, ContactInput, ContactInputMessages, ReachoutError } from '../../core';
import { useCreateContact, useReachout } from '../../data';
import { useMessages } from './messages';
import { callingCodeOf, countryName, countryOptions, pendingCountryOptions, regionOfLocale } from './countryOptions';
import { createContactFormSchema } from './createContactFormSchema';
import type { CreateContactFormOutput, CreateContactFormValues } from './createContactFormSchema';
import { useLatestRef } from '../internal/useLatestRef';
import { usePhone } from '../internal/usePhone';
import { applyProviderError, canRetry, textFields } from './applyProviderError';

/** The image types the photo field takes. SVG is left out: it can carry scripts. */
export const acceptedPhotoTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
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
import type {
  CreateContactTextField,
  CreateContactField,
  CreateContactFormError,
  PhoneInfo,
  SelectedPhoto,
  UseCreateContactFormOptions,
  CreateContactInputProps,
  UseCreateContactFormResult,
} from './createContactFormTypes';

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
  const { t, locale, errorMessage, formatNumber } = useMessages();
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

  const phoneInfo = useMemo<PhoneInfo | null>(() => {
    if (phone === undefined || !values.phone.trim()) return null;
    const result = phone.normalizePhone(values.phone, values.country || undefined);
    if (!result.ok) return null;
    return {
      e164: result.e164,
      international: result.international,
      country: result.country,
      // Said only when the number's calling code is not the chosen country's: +44 7781… read with
      // United Kingdom chosen is a UK-plan number even though its range is Guernsey's.
      isCountryFromNumber:
        result.country !== undefined &&
        result.country !== values.country &&
        !(values.country !== '' && result.e164.startsWith(`+${callingCodeOf(values.country, locale, phone) ?? ''}`)),
      correction: result.correction,
    };
  }, [phone, values.phone, values.country, locale]);

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
    phoneReady: phone !== undefined,
    countries: phone ? countryOptions(locale, phone) : pendingCountryOptions(values.country, locale),
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
