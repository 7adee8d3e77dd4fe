import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { MessageTemplate, TemplateStatus } from '../../core/types';
import { useTemplates } from '../../data';
import { useMessages } from './messages';
import { TemplatePreview } from '../template-preview';
import { useDebouncedValue } from '../internal/useDebouncedValue';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { templateStepsNames } from './templateStepsParts';
import type { TemplateStepsPartProps } from './templateStepsParts';

export interface TemplatePickerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onChange' | 'defaultValue'>, TemplateStepsPartProps {
  /** The business number whose templates are listed; nothing is listed while `null`. */
  senderId: string | null;
  /** The chosen template, or `null`. */
  value: MessageTemplate | null;
  /** Called with the template the person chooses (only APPROVED ones can be chosen). */
  onValueChange: (template: MessageTemplate) => void;
  /**
   * How long typing must pause before the server is searched, in milliseconds.
   * @default 250
   */
  searchDebounceMs?: number;
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code.replace('_', '-')) ?? code;
  } catch {
    return code;
  }
}

/**
 * The template step, usable by any widget: "Search templates" (debounced, on the provider) and
 * the sender's templates as a radio list (arrow keys move and check, Tab leaves the group) with
 * name, category, language and status; only APPROVED ones can be chosen, the others say why.
 * One preview pane beside the list follows the pointer and the keyboard focus (and shows the
 * chosen template otherwise), so it never flickers between items. State comes through props.
 *
 * @example
 * <TemplatePicker senderId={senderId} value={template} onValueChange={setTemplate} />
 */
export const TemplatePicker = forwardRef<HTMLDivElement, TemplatePickerProps>(function TemplatePicker(
  { senderId, value: chosen, onValueChange, searchDebounceMs = 250, partPrefix = 'template-steps', unstyled = false, className, ...props },
  ref,
) {
  const { t, errorMessage, locale } = useMessages();
  const { className: part, slot } = templateStepsNames(partPrefix, unstyled);
  const idPrefix = useId();
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebouncedValue(search.trim(), searchDebounceMs);
  const { templates, isLoading, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = useTemplates({ senderId, search: debouncedSearch });
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const listRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    // Follows focus with `focusin`, which fires once the new element has focus. Updating on a
    // radio's blur instead changed the preview while focus sat on <body>; a dialog's focus trap
    // then pulled focus to its container, so arrows and Tab stopped working in the list.
    const follow = (event: FocusEvent) => {
      const target = event.target;
      const inList = target instanceof HTMLInputElement && target.type === 'radio' && listRef.current?.contains(target) === true;
      setFocusedId(inList ? target.value : null);
    };
    document.addEventListener('focusin', follow);
    return () => document.removeEventListener('focusin', follow);
  }, []);
  const previewed: MessageTemplate | null = templates.find((template) => template.id === (hoveredId ?? focusedId)) ?? chosen ?? null;
  const statusText = (status: TemplateStatus) =>
    status === 'APPROVED' || status === 'PENDING' || status === 'REJECTED'
      ? t(`wizard.template.status.${status}`)
      : t('wizard.template.status.other', { status: status.toLowerCase().replace('_', ' ') });
  const buttonClass = part('button');
  const hintClass = part('hint');
  const noticeClass = part('notice');

  return (
    <div ref={ref} data-slot={slot('template-picker')} className={part('template-picker', className)} {...props}>
      <div className={part('field')}>
        <label htmlFor={`${idPrefix}-search`}>{t('wizard.templates.search.label')}</label>
        <input
          id={`${idPrefix}-search`}
          type="search"
          value={search}
          placeholder={t('wizard.templates.search.placeholder')}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <div data-slot={slot('template-layout')} className={part('template-layout')}>
        <div>
          {error !== null && (
            <div role="alert" className={noticeClass} data-variant="danger">
              <p>{errorMessage(error)}</p>
              <button type="button" className={buttonClass} data-variant="secondary" onClick={() => void refetch()}>
                {t('common.retry')}
              </button>
            </div>
          )}
          {isLoading && <p role="status">{t('common.loading')}</p>}
          {!isLoading && error === null && templates.length === 0 && (
            <p role="status" className={hintClass}>
              {debouncedSearch === '' ? t('wizard.templates.empty') : t('wizard.templates.noResults', { search: debouncedSearch })}
            </p>
          )}
          {!isLoading && templates.length > 0 && templates.every((template) => template.status !== 'APPROVED') && (
            <p role="status" className={noticeClass} data-variant="warning">
              {t('wizard.templates.noneApproved')}
            </p>
          )}
          {templates.length > 0 && (
            <fieldset ref={listRef} className={part('template-list')} data-slot={slot('templates')} onPointerLeave={() => setHoveredId(null)}>
              <legend>
                <VisuallyHidden>{t('wizard.templates.label')}</VisuallyHidden>
              </legend>
              {templates.map((template) => {
                const approved = template.status === 'APPROVED';
                const detailId = `${idPrefix}-${template.id}-detail`;
                return (
                  <label
                    key={template.id}
                    className={part('option')}
                    data-disabled={approved ? undefined : ''}
                    data-state={chosen?.id === template.id ? 'checked' : 'unchecked'}
                    onPointerEnter={() => setHoveredId(template.id)}
                  >
                    <input
                      type="radio"
                      name={`${idPrefix}-template`}
                      value={template.id}
                      checked={chosen?.id === template.id}
                      disabled={!approved}
                      aria-describedby={detailId}
                      onChange={() => onValueChange(template)}
                    />
                    <span data-slot={slot('option-title')}>{template.name}</span>
                    <span id={detailId} data-slot={slot('option-text')}>
                      <span data-slot={slot('option-detail')}>
                        {t('wizard.templates.details', {
                          category: t(`wizard.template.category.${template.category}`),
                          language: languageName(template.language, locale),
                        })}
                      </span>{' '}
                      <span data-slot={slot('template-status')} data-status={template.status}>
                        {statusText(template.status)}
                      </span>
                    </span>
                  </label>
                );
              })}
              {hasNextPage && (
                <button type="button" className={buttonClass} data-variant="secondary" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
                  {t('common.loadMore')}
                </button>
              )}
            </fieldset>
          )}
        </div>
        <div className={part('preview')} data-slot={slot('preview')}>
          {previewed === null ? <p className={hintClass}>{t('wizard.preview.hint')}</p> : <TemplatePreview template={previewed} />}
        </div>
      </div>
    </div>
  );
});
