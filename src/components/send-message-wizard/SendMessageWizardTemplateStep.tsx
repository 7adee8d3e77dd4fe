import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import type { MessageTemplate, TemplateStatus } from '../../core/types';
import { useTemplates } from '../../data';
import { useMessages } from './messages';
import { TemplatePreview } from '../template-preview';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { SendMessageWizardStepBody, usePartClassName, useSendMessageWizardContext } from './SendMessageWizardRoot';
import type { SendMessageWizardStepProps } from './SendMessageWizardRoot';
import { useDebouncedValue } from '../internal/useDebouncedValue';

export interface SendMessageWizardTemplateStepProps extends SendMessageWizardStepProps {
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
 * Step 2: "Search templates" (debounced, on the provider) and the sender's templates as a radio
 * list with name, category, language and status; only APPROVED ones can be chosen, the others
 * say why. One preview pane beside the list follows the pointer and the keyboard focus (and
 * shows the chosen template otherwise), so it never flickers between items.
 */
export const SendMessageWizardTemplateStep = forwardRef<HTMLDivElement, SendMessageWizardTemplateStepProps>(
  function SendMessageWizardTemplateStep({ searchDebounceMs = 250, unstyled, className, ...props }, ref) {
    const { wizard } = useSendMessageWizardContext('SendMessageWizard.TemplateStep');
    const { t, errorMessage, locale } = useMessages();
    const part = (name: string) => `reachout-send-message-wizard__${name}`;
    const partClass = usePartClassName('SendMessageWizard.TemplateStep', part('template-step'), unstyled, className);
    const fieldClass = usePartClassName('SendMessageWizard.TemplateStep', part('field'), unstyled, undefined);
    const listClass = usePartClassName('SendMessageWizard.TemplateStep', part('template-list'), unstyled, undefined);
    const optionClass = usePartClassName('SendMessageWizard.TemplateStep', part('option'), unstyled, undefined);
    const previewClass = usePartClassName('SendMessageWizard.TemplateStep', part('preview'), unstyled, undefined);
    const noticeClass = usePartClassName('SendMessageWizard.TemplateStep', part('notice'), unstyled, undefined);
    const buttonClass = usePartClassName('SendMessageWizard.TemplateStep', part('button'), unstyled, undefined);
    const hintClass = usePartClassName('SendMessageWizard.TemplateStep', part('hint'), unstyled, undefined);
    const idPrefix = useId();
    const [search, setSearch] = useState('');
    const debouncedSearch = useDebouncedValue(search.trim(), searchDebounceMs);
    const { templates, isLoading, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = useTemplates({
      senderId: wizard.values.senderId,
      search: debouncedSearch,
    });
    const [hoveredId, setHoveredId] = useState<string | null>(null);
    const [focusedId, setFocusedId] = useState<string | null>(null);
    const listRef = useRef<HTMLFieldSetElement>(null);
    useEffect(() => {
      // Follows focus with `focusin`, which fires once the new element has focus. Updating on a
      // radio's blur instead changed the preview while focus sat on <body>; the dialog's focus trap
      // then pulled focus to its container, so arrows and Tab stopped working in the list.
      const follow = (event: FocusEvent) => {
        const target = event.target;
        const inList = target instanceof HTMLInputElement && target.type === 'radio' && listRef.current?.contains(target) === true;
        setFocusedId(inList ? target.value : null);
      };
      document.addEventListener('focusin', follow);
      return () => document.removeEventListener('focusin', follow);
    }, []);
    const chosen = wizard.values.template;
    const previewed: MessageTemplate | null =
      templates.find((template) => template.id === (hoveredId ?? focusedId)) ?? chosen ?? null;
    const statusText = (status: TemplateStatus) =>
      status === 'APPROVED' || status === 'PENDING' || status === 'REJECTED'
        ? t(`wizard.template.status.${status}`)
        : t('wizard.template.status.other', { status: status.toLowerCase().replace('_', ' ') });

    return (
      <SendMessageWizardStepBody ref={ref} step="template" unstyled={unstyled} className={partClass} {...props}>
        <div className={fieldClass}>
          <label htmlFor={`${idPrefix}-search`}>{t('wizard.templates.search.label')}</label>
          <input
            id={`${idPrefix}-search`}
            type="search"
            value={search}
            placeholder={t('wizard.templates.search.placeholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div data-slot="send-message-wizard-template-layout" className={usePartClassName('SendMessageWizard.TemplateStep', part('template-layout'), unstyled, undefined)}>
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
              <fieldset ref={listRef} className={listClass} data-slot="send-message-wizard-templates" onPointerLeave={() => setHoveredId(null)}>
                <legend>
                  <VisuallyHidden>{t('wizard.templates.label')}</VisuallyHidden>
                </legend>
                {templates.map((template) => {
                  const approved = template.status === 'APPROVED';
                  const detailId = `${idPrefix}-${template.id}-detail`;
                  return (
                    <label
                      key={template.id}
                      className={optionClass}
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
                        onChange={() => wizard.setTemplate(template)}
                      />
                      <span data-slot="send-message-wizard-option-title">{template.name}</span>
                      <span id={detailId} data-slot="send-message-wizard-option-text">
                        <span data-slot="send-message-wizard-option-detail">
                          {t('wizard.templates.details', {
                            category: t(`wizard.template.category.${template.category}`),
                            language: languageName(template.language, locale),
                          })}
                        </span>{' '}
                        <span data-slot="send-message-wizard-template-status" data-status={template.status}>
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
          <div className={previewClass} data-slot="send-message-wizard-preview">
            {previewed === null ? <p className={hintClass}>{t('wizard.preview.hint')}</p> : <TemplatePreview template={previewed} />}
          </div>
        </div>
      </SendMessageWizardStepBody>
    );
  },
);
