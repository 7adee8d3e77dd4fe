import { forwardRef, memo, useId, useMemo, useState } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { countCharacters } from '../../core/characters';
import { contactFieldValue, standardContactFields, templateLimits } from '../../core/template';
import type { ContactField, TemplateVariable } from '../../core/template';
import type { Contact } from '../../core/types';
import { useReachout } from '../../data';
import { useMessages } from './messages';
import type { Translate } from './messages';
import { TemplatePreview } from '../template-preview';
import type { TemplateContentIssue } from './templateContent';
import { templateStepsNames } from './templateStepsParts';
import type { TemplateStepsPartProps } from './templateStepsParts';
import { humanName, isNearLimit, variableLimit } from './templateContent';
import type { TemplateContentState } from './useTemplateContent';

/**
 * Re-renders only when the parameters or the template change (not for a blur, a touched field or
 * an upload). Rendered with the keystroke, not deferred: it costs well under a millisecond, and a
 * deferred render would land a frame after the field's (see bench/wizard.mjs).
 */
const LivePreview = memo(TemplatePreview);

/** A problem's words in the person's language. */
export function templateIssueText(t: Translate, error: TemplateContentIssue): string {
  switch (error.code) {
    case 'provider':
      return error.message;
    case 'too_long':
      return t('wizard.issue.too_long', { length: error.length ?? 0, limit: error.limit ?? 0 });
    case 'required':
    case 'invalid_characters':
    case 'invalid_url':
    case 'wrong_header_type':
    case 'unknown_variable':
    case 'invalid_location':
    case 'not_approved':
      return t(`wizard.issue.${error.code}`);
    default:
      return error.code satisfies never;
  }
}

/** A contact field's name in the person's language ("Contact first name"). */
export function contactFieldLabel(t: Translate, field: ContactField): string {
  return field.startsWith('attributes.')
    ? t('wizard.contactField.attribute', { attribute: field.slice('attributes.'.length) })
    : t(`wizard.contactField.${field as (typeof standardContactFields)[number]}`);
}

/** The standard contact fields and the contact's own attributes. */
export function contactFieldsOf(contact: Contact | null | undefined): ContactField[] {
  const attributes = Object.keys(contact?.attributes ?? {}).map((name): ContactField => `attributes.${name}`);
  return [...standardContactFields, ...attributes];
}

/** What `renderVariableSource` gets for one header or body variable. */
export interface TemplateVariableSourceContext {
  /** The variable's field label, for naming the control ("Fill {label} from"). */
  label: string;
  /** The contact field the variable is bound to, if any. */
  binding: ContactField | undefined;
  /** Binds the variable to a contact field, or unbinds it with `null`. */
  setBinding: (field: ContactField | null) => void;
}

export interface TemplateContentFieldsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'content'>, TemplateStepsPartProps {
  /** The state the fields show and change: `useTemplateContent`'s result, or a widget's own. */
  content: TemplateContentState;
  /**
   * Shows every error now, not only those of fields already left (after a blocked "Next").
   * @default false
   */
  showAllErrors?: boolean;
  /**
   * Renders, under each header or body variable's input, where its value comes from: e.g.
   * `ContactFieldSelect` to fill it from a contact field. Without it every value is typed.
   * @default none
   */
  renderVariableSource?: (variable: TemplateVariable, source: TemplateVariableSourceContext) => ReactNode;
}

/**
 * The content step, usable by any widget: one labelled field per variable (header, body, URL
 * suffixes, offer codes) with its example and a character counter; a media header takes a link
 * or an upload (with the provider's `uploadMedia`); the preview beside updates as the person
 * types. Errors show at their field once it was left, or all of them with `showAllErrors`.
 * State comes through `content` (see `useTemplateContent`).
 *
 * @example
 * const content = useTemplateContent({ template, contact });
 * <TemplateContentFields content={content} renderVariableSource={(variable, source) =>
 *   <ContactFieldSelect contact={contact} {...source} />} />
 */
export const TemplateContentFields = forwardRef<HTMLDivElement, TemplateContentFieldsProps>(function TemplateContentFields(
  { content, showAllErrors = false, renderVariableSource, partPrefix = 'template-steps', unstyled = false, className, ...props },
  ref,
) {
    const { dataProvider } = useReachout();
    const messages = useMessages();
    const { t, errorMessage } = messages;
    const { className: part, slot } = templateStepsNames(partPrefix, unstyled);
    const fieldClass = part('field');
    const hintClass = part('hint');
    const errorClass = part('error');
    const buttonClass = part('button');
    const idPrefix = useId();
    const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
    const [upload, setUpload] = useState<{ state: 'idle' | 'uploading' } | { state: 'failed'; error: unknown }>({ state: 'idle' });
    const { parsedTemplate, values, errors, contact } = content;
    // A link that is not one WhatsApp would fetch is not fetched for the preview either.
    const mediaLinkInvalid = errors.header !== undefined && values.headerMedia !== null && values.headerMedia !== undefined && 'link' in values.headerMedia;
    const previewParameters = useMemo(
      () => (mediaLinkInvalid ? { ...content.parameters, header: undefined } : content.parameters),
      [mediaLinkInvalid, content.parameters],
    );
    const template = content.template;
    if (template === null || parsedTemplate === null) return null;

    const touch = (key: string) => setTouched((previous) => (previous.has(key) ? previous : new Set([...previous, key])));
    const visibleError = (key: string, error: TemplateContentIssue | undefined) =>
      error !== undefined && (showAllErrors || touched.has(key) || error.code === 'provider' || error.code === 'too_long') ? error : undefined;

    // Named variables ({{first_name}}) are labelled with their name ("First name"); positional
    // ones ({{1}}) have none, so they say where they sit ("Body {{1}}").
    const bodyKeys = new Set(parsedTemplate.variables.filter((variable) => variable.component === 'body').map((variable) => variable.key));
    const variableLabel = (variable: TemplateVariable) => {
      const named = parsedTemplate.parameterFormat === 'NAMED';
      const placeholder = `{{${variable.key}}}`;
      switch (variable.component) {
        case 'header':
          if (!named) return t('wizard.variable.header', { variable: placeholder });
          return bodyKeys.has(variable.key) ? t('wizard.variable.inHeader', { name: humanName(variable.key) }) : humanName(variable.key);
        case 'body':
          return named ? humanName(variable.key) : t('wizard.variable.body', { variable: placeholder });
        case 'button': {
          const text = parsedTemplate.buttons[variable.buttonIndex ?? 0]?.text ?? '';
          return t(variable.buttonType === 'COPY_CODE' ? 'wizard.variable.buttonCode' : 'wizard.variable.buttonUrl', { text });
        }
        default:
          return variable.component satisfies never;
      }
    };

    const renderVariable = (variable: TemplateVariable) => {
      const id = `${idPrefix}-${variable.path}`;
      const binding = values.bindings[variable.path];
      const bindable = variable.component !== 'button';
      const boundValue = binding !== undefined && contact !== undefined && contact !== null ? contactFieldValue(contact, binding) : null;
      const value = binding !== undefined ? (boundValue ?? '') : (values.variables[variable.path] ?? '');
      const error = visibleError(variable.path, errors[variable.path] ?? (variable.component === 'header' ? errors.header : undefined));
      // An over-long body is every body field's problem: each names the message's error too.
      const bodyTooLong = variable.component === 'body' && errors.body !== undefined;
      // The header's limit is the whole header's, its fixed words included.
      const header = parsedTemplate.header;
      const length = countCharacters(
        variable.component === 'header' && header?.format === 'TEXT' ? header.text.split(`{{${variable.key}}}`).join(value) : value,
      );
      const limit = variableLimit(variable);
      const showCount = limit !== null && isNearLimit(length, limit);
      const hint =
        binding === undefined ? null : boundValue === null ? t('wizard.variable.boundMissing') : t('wizard.variable.bound', { value: boundValue });
      const describedBy = [hint === null ? null : `${id}-hint`, showCount ? `${id}-count` : null, error ? `${id}-error` : null, bodyTooLong ? `${idPrefix}-body-error` : null]
        .filter(Boolean)
        .join(' ');
      return (
        <div key={variable.path} className={fieldClass} data-slot={slot('variable')} data-invalid={error ? '' : undefined}>
          <label htmlFor={id}>{variableLabel(variable)}</label>
          <input
            id={id}
            value={value}
            readOnly={binding !== undefined}
            placeholder={binding === undefined ? (variable.example ?? undefined) : undefined}
            aria-invalid={error || bodyTooLong ? true : undefined}
            aria-describedby={describedBy === '' ? undefined : describedBy}
            onChange={(event) => content.setVariable(variable.path, event.target.value)}
            onBlur={() => touch(variable.path)}
          />
          {bindable && renderVariableSource?.(variable, {
            label: variableLabel(variable),
            binding,
            setBinding: (field) => content.setBinding(variable.path, field),
          })}
          {hint !== null && (
            <p id={`${id}-hint`} className={hintClass}>
              {hint}
            </p>
          )}
          {showCount && (
            <p id={`${id}-count`} className={hintClass} data-slot={slot('counter')}>
              {t('wizard.variable.countOfLimit', { count: length, limit })}
            </p>
          )}
          {error && (
            <p id={`${id}-error`} className={errorClass} data-slot={slot('error')}>
              {templateIssueText(t, error)}
            </p>
          )}
        </div>
      );
    };

    const mediaHeader = parsedTemplate.mediaHeader;
    const headerError = visibleError('header', errors.header);
    const media = values.headerMedia;
    const renderMediaHeader = () => {
      if (mediaHeader === null) return null;
      if (mediaHeader === 'location') {
        const location = media?.type === 'location' ? media : { type: 'location' as const, latitude: Number.NaN, longitude: Number.NaN };
        const setLocation = (changes: Partial<typeof location>) => content.setValues({ headerMedia: { ...location, ...changes } });
        const numberField = (key: 'latitude' | 'longitude') => {
          const id = `${idPrefix}-${key}`;
          return (
            <div className={fieldClass} key={key}>
              <label htmlFor={id}>{t(`wizard.location.${key}`)}</label>
              <input
                id={id}
                inputMode="decimal"
                defaultValue={Number.isNaN(location[key]) ? '' : String(location[key])}
                aria-invalid={headerError ? true : undefined}
                aria-describedby={headerError ? `${idPrefix}-header-error` : undefined}
                onChange={(event) => setLocation({ [key]: event.target.value.trim() === '' ? Number.NaN : Number(event.target.value) })}
                onBlur={() => touch('header')}
              />
            </div>
          );
        };
        return (
          <fieldset className={fieldClass} data-slot={slot('media')}>
            <legend>{t('templatePreview.header.location')}</legend>
            {numberField('latitude')}
            {numberField('longitude')}
            {(['name', 'address'] as const).map((key) => (
              <div className={fieldClass} key={key}>
                <label htmlFor={`${idPrefix}-${key}`}>{t(`wizard.location.${key}`)}</label>
                <input
                  id={`${idPrefix}-${key}`}
                  value={location[key] ?? ''}
                  onChange={(event) => setLocation({ [key]: event.target.value === '' ? undefined : event.target.value })}
                />
              </div>
            ))}
            {headerError && (
              <p id={`${idPrefix}-header-error`} className={errorClass}>
                {templateIssueText(t, headerError)}
              </p>
            )}
          </fieldset>
        );
      }
      const link = media !== null && media !== undefined && media.type === mediaHeader ? media.link : '';
      const filename = media?.type === 'document' ? (media.filename ?? '') : '';
      const setMedia = (nextLink: string, nextFilename: string) =>
        content.setValues({
          headerMedia:
            mediaHeader === 'document'
              ? { type: 'document', link: nextLink, ...(nextFilename === '' ? {} : { filename: nextFilename }) }
              : { type: mediaHeader, link: nextLink },
        });
      const uploadMedia = dataProvider.uploadMedia?.bind(dataProvider);
      const id = `${idPrefix}-media`;
      const describedBy = [`${id}-hint`, headerError ? `${id}-error` : null, upload.state === 'failed' ? `${id}-upload-error` : null]
        .filter(Boolean)
        .join(' ');
      return (
        <div className={fieldClass} data-slot={slot('media')} data-invalid={headerError ? '' : undefined}>
          <label htmlFor={id}>{t(`wizard.media.link.${mediaHeader}`)}</label>
          <input
            id={id}
            type="url"
            dir="ltr"
            value={link}
            aria-invalid={headerError ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => setMedia(event.target.value, filename)}
            onBlur={() => touch('header')}
          />
          <p id={`${id}-hint`} className={hintClass}>
            {t('wizard.media.hint')}
          </p>
          {uploadMedia && (
            <label className={buttonClass} data-variant="secondary" data-slot={slot('upload')}>
              {upload.state === 'uploading' ? t('wizard.media.uploading') : t('wizard.media.upload')}
              <input
                type="file"
                data-slot={slot('upload-input')}
                accept={mediaHeader === 'image' ? 'image/*' : mediaHeader === 'video' ? 'video/*' : undefined}
                disabled={upload.state === 'uploading'}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file === undefined) return;
                  setUpload({ state: 'uploading' });
                  uploadMedia({ file, purpose: 'template-header' }).then(
                    ({ url }) => {
                      setUpload({ state: 'idle' });
                      setMedia(url, mediaHeader === 'document' && filename === '' ? file.name : filename);
                      content.setValues({ uploadedMediaLink: url });
                    },
                    (error: unknown) => setUpload({ state: 'failed', error }),
                  );
                }}
              />
            </label>
          )}
          {upload.state === 'failed' && (
            <p id={`${id}-upload-error`} className={errorClass} role="alert">
              {t('wizard.media.uploadFailed', { reason: errorMessage(upload.error) })}
            </p>
          )}
          {headerError && (
            <p id={`${id}-error`} className={errorClass}>
              {templateIssueText(t, headerError)}
            </p>
          )}
          {mediaHeader === 'document' && (
            <>
              <label htmlFor={`${id}-filename`}>{t('wizard.media.filename')}</label>
              <input id={`${id}-filename`} value={filename} onChange={(event) => setMedia(link, event.target.value)} />
            </>
          )}
        </div>
      );
    };

    const bodyError = errors.body;
    return (
      <div ref={ref} className={part('content-layout', className)} data-slot={slot('content-layout')} {...props}>
        <div data-slot={slot('fields')}>
          {renderMediaHeader()}
          {parsedTemplate.variables.length === 0 && mediaHeader === null && <p className={hintClass}>{t('wizard.content.noVariables')}</p>}
          {parsedTemplate.variables.map(renderVariable)}
          {isNearLimit(content.bodyLength, templateLimits.body) && (
            <p className={hintClass} data-slot={slot('body-counter')} data-invalid={bodyError ? '' : undefined}>
              {t('wizard.content.bodyCount', { count: content.bodyLength, limit: templateLimits.body })}
            </p>
          )}
          {bodyError && (
            <p id={`${idPrefix}-body-error`} className={errorClass}>
              {templateIssueText(t, bodyError)}
            </p>
          )}
        </div>
        <div className={part('preview')} data-slot={slot('preview')}>
          <LivePreview template={template} parameters={previewParameters} />
        </div>
      </div>
    );
});

export interface ContactFieldSelectProps extends TemplateVariableSourceContext, Omit<ComponentPropsWithoutRef<'select'>, 'value' | 'onChange'>, Pick<TemplateStepsPartProps, 'partPrefix'> {
  /** The contact whose attributes are offered beside the standard fields. */
  contact: Contact | null | undefined;
}

/** "Fill {field} from": "What I type" or a contact field; for `renderVariableSource`. */
export const ContactFieldSelect = forwardRef<HTMLSelectElement, ContactFieldSelectProps>(function ContactFieldSelect(
  { contact, label, binding, setBinding, partPrefix = 'template-steps', ...props },
  ref,
) {
  const { t } = useMessages();
  return (
    <select
      ref={ref}
      data-slot={`${partPrefix}-source`}
      aria-label={t('wizard.variable.source', { field: label })}
      value={binding ?? ''}
      onChange={(event) => setBinding(event.target.value === '' ? null : (event.target.value as ContactField))}
      {...props}
    >
      <option value="">{t('wizard.variable.source.typed')}</option>
      {contactFieldsOf(contact).map((field) => (
        <option key={field} value={field}>
          {contactFieldLabel(t, field)}
        </option>
      ))}
    </select>
  );
});
