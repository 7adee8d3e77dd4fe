import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, CSSProperties } from 'react';
import { useReachout } from '../../data';
import { useMessages } from './messages';
import { composeEventHandlers } from '../internal/composeEventHandlers';
import { useCreateContactDialogContext, usePartClassName } from './CreateContactDialogRoot';
import type { CreateContactTextField } from './useCreateContactForm';

interface UnstyledProp {
  /**
   * Leaves out Reachout's classes; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/** The classes of a part's inner elements, or none when unstyled. */
function useInnerClasses(unstyled: boolean | undefined, part: string) {
  const { unstyled: rootUnstyled } = useCreateContactDialogContext(part);
  const styled = !(unstyled ?? rootUnstyled);
  return (name: string) => (styled ? `reachout-create-contact-dialog__${name}` : undefined);
}

export interface CreateContactDialogFormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'noValidate'>, UnstyledProp {}

/**
 * The `<form>`: submitting validates every field, then creates the contact once. A host's
 * `onSubmit` runs first; calling `event.preventDefault()` in it stops ours (nothing is
 * validated or created), as with every Reachout part.
 */
export const CreateContactDialogForm = forwardRef<HTMLFormElement, CreateContactDialogFormProps>(
  function CreateContactDialogForm({ unstyled, className, onSubmit, ...props }, ref) {
    const { form } = useCreateContactDialogContext('CreateContactDialog.Form');
    const partClass = usePartClassName('CreateContactDialog.Form', 'reachout-create-contact-dialog__form', unstyled, className);
    const formProps = form.getFormProps();
    return (
      <form
        ref={ref}
        data-slot="create-contact-dialog-form"
        className={partClass}
        {...props}
        {...formProps}
        onSubmit={composeEventHandlers(onSubmit, formProps.onSubmit)}
      />
    );
  },
);

export interface CreateContactDialogFieldProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

const TextField = forwardRef<HTMLDivElement, CreateContactDialogFieldProps & { field: 'name' | 'email'; part: string }>(
  function TextField({ field, part, unstyled, className, ...props }, ref) {
    const { form } = useCreateContactDialogContext(part);
    const { t } = useMessages();
    const partClass = usePartClassName(part, 'reachout-create-contact-dialog__field', unstyled, className);
    const inner = useInnerClasses(unstyled, part);
    const error = form.errors[field];
    return (
      <div ref={ref} data-slot={`create-contact-dialog-${field}-field`} data-invalid={error ? '' : undefined} className={partClass} {...props}>
        <div className={inner('label-row')}>
          <label {...form.getLabelProps(field)} className={inner('label')}>
            {t(`createContact.field.${field}`)}
          </label>
          {field === 'email' && (
            <span {...form.getHintProps('email')} className={inner('optional')}>
              {t('createContact.field.email.hint')}
            </span>
          )}
        </div>
        <input {...form.getInputProps(field)} className={inner('input')} />
        {error && (
          <p {...form.getErrorProps(field)} className={inner('error')}>
            {error}
          </p>
        )}
      </div>
    );
  },
);

/** Name: required, trimmed. */
export const CreateContactDialogNameField = forwardRef<HTMLDivElement, CreateContactDialogFieldProps>(
  function CreateContactDialogNameField(props, ref) {
    return <TextField ref={ref} field="name" part="CreateContactDialog.NameField" {...props} />;
  },
);

/** Email: optional; checked when given. */
export const CreateContactDialogEmailField = forwardRef<HTMLDivElement, CreateContactDialogFieldProps>(
  function CreateContactDialogEmailField(props, ref) {
    return <TextField ref={ref} field="email" part="CreateContactDialog.EmailField" {...props} />;
  },
);

/**
 * Country and Phone. The number is read in the chosen country unless it starts with `+` and a
 * country code; the note under it says when the number's own country was used, or when a
 * legacy form was rewritten.
 */
export const CreateContactDialogPhoneField = forwardRef<HTMLDivElement, CreateContactDialogFieldProps>(
  function CreateContactDialogPhoneField({ unstyled, className, ...props }, ref) {
    const part = 'CreateContactDialog.PhoneField';
    const { form, onOpenContact, setOpen } = useCreateContactDialogContext(part);
    const { t } = useMessages();
    const { dataProvider } = useReachout();
    const partClass = usePartClassName(part, 'reachout-create-contact-dialog__field', unstyled, className);
    const inner = useInnerClasses(unstyled, part);
    const error = form.errors.phone;
    const field: CreateContactTextField = 'phone';
    const duplicatePhone = form.duplicatePhone;
    const openExisting = async () => {
      if (duplicatePhone === null || !onOpenContact) return;
      // The contract's CONFLICT names no contact: find the one with this number by searching it.
      const page = await dataProvider.listContacts({ search: duplicatePhone, limit: 10 });
      const existing = page.items.find((contact) => contact.phone === duplicatePhone);
      if (existing === undefined) return;
      setOpen(false);
      onOpenContact(existing);
    };
    return (
      <div ref={ref} data-slot="create-contact-dialog-phone-field" data-invalid={error ? '' : undefined} className={partClass} {...props}>
        <div className={inner('phone-row')}>
          <div className={inner('country')}>
            <label {...form.getLabelProps('country')} className={inner('label')}>
              {t('createContact.field.country')}
            </label>
            <select {...form.getCountrySelectProps()} className={inner('select')}>
              <option value="">{t('createContact.field.country.placeholder')}</option>
              {form.countries.map((option) => (
                <option key={option.country} value={option.country}>
                  {option.callingCode === ''
                    ? option.name
                    : t('createContact.field.country.option', {
                        country: option.name,
                        // A left-to-right mark keeps "+20" from reading "20+" in right-to-left text.
                        callingCode: `\u200e+${option.callingCode}`,
                      })}
                </option>
              ))}
            </select>
          </div>
          <div className={inner('phone')}>
            <label {...form.getLabelProps(field)} className={inner('label')}>
              {t('createContact.field.phone')}
            </label>
            <input {...form.getInputProps(field)} className={inner('input')} />
          </div>
        </div>
        <p {...form.getHintProps('phone')} className={inner('hint')}>
          {t('createContact.field.phone.hint')}
        </p>
        <p {...form.getPhoneNoteProps()} className={inner('note')}>
          {form.phoneNote}
        </p>
        {error && (
          <p {...form.getErrorProps(field)} className={inner('error')}>
            {error}
          </p>
        )}
        {error && duplicatePhone !== null && onOpenContact && (
          <button type="button" data-slot="create-contact-dialog-open-existing" className={inner('link-button')} onClick={() => void openExisting()}>
            {t('createContact.openExisting')}
          </button>
        )}
      </div>
    );
  },
);

// Inline, not a class: the file input must stay hidden (yet focusable) when unstyled too; its
// label is the visible button.
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  inlineSize: 1,
  blockSize: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * The optional photo: a preview, "Choose photo" / "Change photo" and "Remove photo". Renders
 * nothing when the data provider has no `uploadMedia`.
 */
export const CreateContactDialogPhotoField = forwardRef<HTMLDivElement, CreateContactDialogFieldProps>(
  function CreateContactDialogPhotoField({ unstyled, className, ...props }, ref) {
    const part = 'CreateContactDialog.PhotoField';
    const { form } = useCreateContactDialogContext(part);
    const { t } = useMessages();
    const partClass = usePartClassName(part, 'reachout-create-contact-dialog__field', unstyled, className);
    const inner = useInnerClasses(unstyled, part);
    if (!form.canUploadPhoto) return null;
    const error = form.errors.photo;
    const inputProps = form.getPhotoInputProps();
    return (
      <div
        ref={ref}
        data-slot="create-contact-dialog-photo-field"
        data-state={form.photo ? 'selected' : 'empty'}
        data-invalid={error ? '' : undefined}
        className={partClass}
        {...props}
      >
        <span {...form.getPhotoLabelProps()} className={inner('label')}>
          {t('createContact.field.photo')}
        </span>
        <div className={inner('photo-row')}>
          <span className={inner('avatar')}>
            {form.photo ? (
              <img src={form.photo.previewUrl} alt={t('createContact.field.photo.preview')} className={inner('avatar-image')} />
            ) : (
              <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                <circle cx="12" cy="8.5" r="4" fill="currentColor" />
                <path d="M4 20.5c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5" fill="currentColor" />
              </svg>
            )}
          </span>
          <div className={inner('photo-actions')}>
            <input {...inputProps} style={visuallyHidden} />
            <label htmlFor={inputProps.id} data-variant="secondary" className={inner('button')}>
              {form.photo ? t('createContact.field.photo.change') : t('createContact.field.photo.choose')}
            </label>
            {form.photo && (
              <button type="button" data-variant="ghost" className={inner('button')} onClick={form.removePhoto}>
                {t('createContact.field.photo.remove')}
              </button>
            )}
          </div>
        </div>
        <p {...form.getHintProps('photo')} className={inner('hint')}>
          {t('createContact.field.photo.hint', { maxSize: form.formatFileSize(form.maxPhotoBytes) })}
        </p>
        {error && (
          <p {...form.getErrorProps('photo')} className={inner('error')}>
            {error}
          </p>
        )}
      </div>
    );
  },
);

export interface CreateContactDialogFormErrorProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

/**
 * A failure that belongs to no field (network, permissions, rate limit...), with Retry when
 * sending the same values again may work. Always rendered (empty when there is no error): an
 * alert region that exists before its text arrives is announced reliably.
 */
export const CreateContactDialogFormError = forwardRef<HTMLDivElement, CreateContactDialogFormErrorProps>(
  function CreateContactDialogFormError({ unstyled, className, ...props }, ref) {
    const part = 'CreateContactDialog.FormError';
    const { form } = useCreateContactDialogContext(part);
    const { t } = useMessages();
    const partClass = usePartClassName(part, 'reachout-create-contact-dialog__alert', unstyled, className);
    const inner = useInnerClasses(unstyled, part);
    const { formError } = form;
    return (
      <div
        ref={ref}
        role="alert"
        data-slot="create-contact-dialog-form-error"
        data-state={formError ? 'error' : 'idle'}
        data-code={formError?.code}
        className={partClass}
        {...props}
      >
        {formError && (
          <>
            <div className={inner('alert-text')}>
              <p className={inner('alert-message')}>{formError.message}</p>
              {formError.details.length > 0 && (
                <ul className={inner('alert-details')}>
                  {formError.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              )}
            </div>
            {formError.canRetry && (
              <button {...form.getRetryButtonProps()} data-variant="secondary" className={inner('button')}>
                {t('common.retry')}
              </button>
            )}
          </>
        )}
      </div>
    );
  },
);

export interface CreateContactDialogCancelProps extends ComponentPropsWithoutRef<'button'>, UnstyledProp {}

/** Discards the draft and closes the dialog; disabled while the contact is being created. */
export const CreateContactDialogCancel = forwardRef<HTMLButtonElement, CreateContactDialogCancelProps>(
  function CreateContactDialogCancel({ unstyled, className, children, onClick, ...props }, ref) {
    const part = 'CreateContactDialog.Cancel';
    const { form, setOpen } = useCreateContactDialogContext(part);
    const { t } = useMessages();
    const partClass = usePartClassName(part, 'reachout-create-contact-dialog__button', unstyled, className);
    return (
      <button
        ref={ref}
        type="button"
        data-slot="create-contact-dialog-cancel"
        data-variant="secondary"
        className={partClass}
        disabled={form.isPending}
        {...props}
        onClick={composeEventHandlers(onClick, () => {
          form.reset();
          setOpen(false);
        })}
      >
        {children ?? t('common.cancel')}
      </button>
    );
  },
);

export interface CreateContactDialogSubmitProps extends Omit<ComponentPropsWithoutRef<'button'>, 'type'>, UnstyledProp {}

/** "Create": disabled and `aria-busy` while the contact is being created. */
export const CreateContactDialogSubmit = forwardRef<HTMLButtonElement, CreateContactDialogSubmitProps>(
  function CreateContactDialogSubmit({ unstyled, className, children, ...props }, ref) {
    const part = 'CreateContactDialog.Submit';
    const { form } = useCreateContactDialogContext(part);
    const { t } = useMessages();
    const partClass = usePartClassName(part, 'reachout-create-contact-dialog__button', unstyled, className);
    const inner = useInnerClasses(unstyled, part);
    return (
      <button
        ref={ref}
        data-slot="create-contact-dialog-submit"
        data-variant="primary"
        data-state={form.isPending ? 'pending' : 'idle'}
        className={partClass}
        {...props}
        {...form.getSubmitButtonProps()}
      >
        {form.isPending && <span className={inner('spinner')} aria-hidden="true" />}
        {children ?? t('createContact.submit')}
      </button>
    );
  },
);
