import { forwardRef, memo, useId, useMemo, useState } from 'react';
import { countCharacters } from '../../core/characters';
import { contactFieldValue, standardContactFields, templateLimits } from '../../core/template';
import type { ContactField, TemplateVariable } from '../../core/template';
import type { Contact } from '../../core/types';
import { useReachout } from '../../data';
import { TemplatePreview } from '../template-preview';
import { useMessages } from './messages';
import type { Translate } from './messages';
import { SendMessageWizardStepBody, usePartClassName, useSendMessageWizardContext } from './SendMessageWizardRoot';
import type { SendMessageWizardStepProps } from './SendMessageWizardRoot';
import type { SendMessageWizardFieldError } from './useSendMessageWizard';

/**
 * Re-renders only when the parameters or the template change (not for a blur, a touched field or
 * an upload). Rendered with the keystroke, not deferred: it costs well under a millisecond, and a
 * deferred render would land a frame after the field's (see bench/wizard.mjs).
 */
const LivePreview = memo(TemplatePreview);

function issueText(t: Translate, error: SendMessageWizardFieldError): string {
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

function contactFieldLabel(t: Translate, field: ContactField): string {
  return field.startsWith('attributes.')
    ? t('wizard.contactField.attribute', { attribute: field.slice('attributes.'.length) })
    : t(`wizard.contactField.${field as (typeof standardContactFields)[number]}`);
}

function contactFieldsOf(contact: Contact | undefined): ContactField[] {
  const attributes = Object.keys(contact?.attributes ?? {}).map((name): ContactField => `attributes.${name}`);
  return [...standardContactFields, ...attributes];
}

/**
 * Step 3: one labelled field per variable (header, body, URL suffixes, offer codes) with its
 * example and a character counter; header and body variables can be filled from a contact
 * field instead; a media header takes a link or an upload; the preview beside updates as the
 * user types. Errors show at their field once it was left, or all of them after "Next".
 */
export const SendMessageWizardContentStep = forwardRef<HTMLDivElement, SendMessageWizardStepProps>(
  function SendMessageWizardContentStep({ unstyled, className, ...props }, ref) {
    const { wizard } = useSendMessageWizardContext('SendMessageWizard.ContentStep');
    const { dataProvider } = useReachout();
    const messages = useMessages();
    const { t, errorMessage } = messages;
    const part = (name: string) => `reachout-send-message-wizard__${name}`;
    const partClass = usePartClassName('SendMessageWizard.ContentStep', part('content-step'), unstyled, className);
    const layoutClass = usePartClassName('SendMessageWizard.ContentStep', part('content-layout'), unstyled, undefined);
    const fieldClass = usePartClassName('SendMessageWizard.ContentStep', part('field'), unstyled, undefined);
    const hintClass = usePartClassName('SendMessageWizard.ContentStep', part('hint'), unstyled, undefined);
    const errorClass = usePartClassName('SendMessageWizard.ContentStep', part('error'), unstyled, undefined);
    const previewClass = usePartClassName('SendMessageWizard.ContentStep', part('preview'), unstyled, undefined);
    const buttonClass = usePartClassName('SendMessageWizard.ContentStep', part('button'), unstyled, undefined);
    const idPrefix = useId();
    const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
    const [upload, setUpload] = useState<{ state: 'idle' | 'uploading' } | { state: 'failed'; error: unknown }>({ state: 'idle' });
    const { parsedTemplate, values, errors, contact, showAllErrors } = wizard;
    // A link that is not one WhatsApp would fetch is not fetched for the preview either.
    const mediaLinkInvalid = errors.header !== undefined && values.headerMedia !== null && values.headerMedia !== undefined && 'link' in values.headerMedia;
    const previewParameters = useMemo(
      () => (mediaLinkInvalid ? { ...wizard.parameters, header: undefined } : wizard.parameters),
      [mediaLinkInvalid, wizard.parameters],
    );
    const template = values.template;
    if (template === null || parsedTemplate === null) return null;

    const touch = (key: string) => setTouched((previous) => (previous.has(key) ? previous : new Set([...previous, key])));
    const visibleError = (key: string, error: SendMessageWizardFieldError | undefined) =>
      error !== undefined && (showAllErrors || touched.has(key) || error.code === 'provider' || error.code === 'too_long') ? error : undefined;

    const variableLabel = (variable: TemplateVariable) => {
      const placeholder = `{{${variable.key}}}`;
      switch (variable.component) {
        case 'header':
          return t('wizard.variable.header', { variable: placeholder });
        case 'body':
          return t('wizard.variable.body', { variable: placeholder });
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
      const boundValue = binding !== undefined && contact !== undefined ? contactFieldValue(contact, binding) : null;
      const value = binding !== undefined ? (boundValue ?? '') : (values.variables[variable.path] ?? '');
      const error = visibleError(variable.path, errors[variable.path] ?? (variable.component === 'header' ? errors.header : undefined));
      // An over-long body is every body field's problem: each names the message's error too.
      const bodyTooLong = variable.component === 'body' && errors.body !== undefined;
      const length = countCharacters(value);
      const limit = variable.component === 'header' ? templateLimits.headerText : variable.buttonType === 'COPY_CODE' ? templateLimits.copyCode : null;
      const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : null, bodyTooLong ? `${idPrefix}-body-error` : null]
        .filter(Boolean)
        .join(' ');
      return (
        <div key={variable.path} className={fieldClass} data-slot="send-message-wizard-variable" data-invalid={error ? '' : undefined}>
          <label htmlFor={id}>{variableLabel(variable)}</label>
          <input
            id={id}
            value={value}
            readOnly={binding !== undefined}
            aria-invalid={error || bodyTooLong ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => wizard.setVariable(variable.path, event.target.value)}
            onBlur={() => touch(variable.path)}
          />
          {bindable && (
            <select
              data-slot="send-message-wizard-source"
              aria-label={t('wizard.variable.source', { field: variableLabel(variable) })}
              value={binding ?? ''}
              onChange={(event) =>
                wizard.setBinding(variable.path, event.target.value === '' ? null : (event.target.value as ContactField))
              }
            >
              <option value="">{t('wizard.variable.source.typed')}</option>
              {contactFieldsOf(contact).map((field) => (
                <option key={field} value={field}>
                  {contactFieldLabel(t, field)}
                </option>
              ))}
            </select>
          )}
          <p id={`${id}-hint`} className={hintClass}>
            {binding !== undefined
              ? boundValue === null
                ? t('wizard.variable.boundMissing')
                : t('wizard.variable.bound', { value: boundValue })
              : variable.example !== null
                ? t('wizard.variable.example', { example: variable.example })
                : null}
          </p>
          <p id={`${id}-count`} className={hintClass} data-slot="send-message-wizard-counter">
            {limit === null ? t('wizard.variable.count', { count: length }) : t('wizard.variable.countOfLimit', { count: length, limit })}
          </p>
          {error && (
            <p id={`${id}-error`} className={errorClass} data-slot="send-message-wizard-error">
              {issueText(t, error)}
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
        const setLocation = (changes: Partial<typeof location>) => wizard.setValues({ headerMedia: { ...location, ...changes } });
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
          <fieldset className={fieldClass} data-slot="send-message-wizard-media">
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
                {issueText(t, headerError)}
              </p>
            )}
          </fieldset>
        );
      }
      const link = media !== null && media !== undefined && media.type === mediaHeader ? media.link : '';
      const filename = media?.type === 'document' ? (media.filename ?? '') : '';
      const setMedia = (nextLink: string, nextFilename: string) =>
        wizard.setValues({
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
        <div className={fieldClass} data-slot="send-message-wizard-media" data-invalid={headerError ? '' : undefined}>
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
            <label className={buttonClass} data-variant="secondary" data-slot="send-message-wizard-upload">
              {upload.state === 'uploading' ? t('wizard.media.uploading') : t('wizard.media.upload')}
              <input
                type="file"
                data-slot="send-message-wizard-upload-input"
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
                      wizard.setValues({ uploadedMediaLink: url });
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
              {issueText(t, headerError)}
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
      <SendMessageWizardStepBody ref={ref} step="content" unstyled={unstyled} className={partClass} {...props}>
        <div className={layoutClass} data-slot="send-message-wizard-content-layout">
          <div data-slot="send-message-wizard-fields">
            {renderMediaHeader()}
            {parsedTemplate.variables.length === 0 && mediaHeader === null && <p className={hintClass}>{t('wizard.content.noVariables')}</p>}
            {parsedTemplate.variables.map(renderVariable)}
            <p className={hintClass} data-slot="send-message-wizard-body-counter" data-invalid={bodyError ? '' : undefined}>
              {t('wizard.content.bodyCount', { count: wizard.bodyLength, limit: templateLimits.body })}
            </p>
            {bodyError && (
              <p id={`${idPrefix}-body-error`} className={errorClass}>
                {issueText(t, bodyError)}
              </p>
            )}
          </div>
          <div className={previewClass} data-slot="send-message-wizard-preview">
            <LivePreview template={template} parameters={previewParameters} />
          </div>
        </div>
      </SendMessageWizardStepBody>
    );
  },
);
