import { useId } from 'react';
import type { RefObject } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { CreateContactFormOutput, CreateContactFormValues } from './createContactFormSchema';
import type { CreateContactField, CreateContactInputProps, CreateContactTextField, UseCreateContactFormResult } from './createContactFormTypes';
import { acceptedPhotoTypes } from './usePhotoField';

type PropGetterName =
  | 'getFormProps'
  | 'getLabelProps'
  | 'getInputProps'
  | 'getCountrySelectProps'
  | 'getPhotoLabelProps'
  | 'getPhotoInputProps'
  | 'getHintProps'
  | 'getPhoneNoteProps'
  | 'getErrorProps'
  | 'getSubmitButtonProps'
  | 'getRetryButtonProps';

interface CreateContactPropGettersInput {
  form: UseFormReturn<CreateContactFormValues, unknown, CreateContactFormOutput>;
  errors: Partial<Record<CreateContactField, string>>;
  phoneNote: string | null;
  isPending: boolean;
  submit: () => Promise<void>;
  selectPhoto: (file: File) => void;
  photoInputRef: RefObject<HTMLInputElement | null>;
  retryButtonRef: RefObject<HTMLButtonElement | null>;
}

const inputSettings: Record<CreateContactTextField, Pick<CreateContactInputProps, 'type' | 'inputMode' | 'autoComplete' | 'dir' | 'spellCheck'>> = {
  name: { type: 'text', autoComplete: 'name', dir: 'auto' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email', dir: 'ltr', spellCheck: false },
  // Numbers read left to right in every script.
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel', dir: 'ltr' },
};

/**
 * The create-contact form's prop getters: ids tying each label, hint, note and error to its
 * field, react-hook-form's registrations, and the photo input.
 */
export function useCreateContactPropGetters(input: CreateContactPropGettersInput): Pick<UseCreateContactFormResult, PropGetterName> {
  const { form, errors, phoneNote, isPending, submit, selectPhoto, photoInputRef, retryButtonRef } = input;
  const { register, getFieldState, formState, trigger } = form;
  const baseId = useId();
  const idOf = (field: string, part: string) => `${baseId}-${field}-${part}`;
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  const countryRegistration = register('country', {
    onChange: () => {
      // The phone is read in the country: re-check it once the person has seen its error state.
      if (getFieldState('phone').isTouched || formState.isSubmitted) void trigger('phone');
    },
  });

  return {
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
  };
}
