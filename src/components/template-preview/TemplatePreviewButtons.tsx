import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { urlButtonPlaceholder } from '../../core/template/templateText';
import type { RenderedButton } from '../../core/template/types';
import { CopyIcon, ExternalLinkIcon, ListIcon, PhoneIcon, ReplyIcon } from '../internal/icons';
import type { IconProps } from '../internal/icons';
import { FormattedPhone } from '../internal/usePhone';
import { useOptionalMessages } from './messages';
import { usePartClassName, useTemplatePreviewContext } from './TemplatePreviewRoot';
import { TemplatePreviewVariable } from './TemplatePreviewVariable';

export interface TemplatePreviewButtonsProps extends ComponentPropsWithoutRef<'ul'> {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/**
 * The template's buttons, as a list under the bubble, named "Buttons" for screen readers
 * (override with `aria-label`).
 */
export const TemplatePreviewButtons = forwardRef<HTMLUListElement, TemplatePreviewButtonsProps>(
  function TemplatePreviewButtons({ unstyled, className, ...props }, ref) {
    const { t } = useOptionalMessages();
    return (
      <ul
        ref={ref}
        aria-label={t('templatePreview.buttons.label')}
        data-slot="template-preview-buttons"
        className={usePartClassName('TemplatePreview.Buttons', 'reachout-template-preview__buttons', unstyled, className)}
        {...props}
      />
    );
  },
);

export interface TemplatePreviewButtonProps extends ComponentPropsWithoutRef<'li'> {
  /** The button, from `renderTemplate(...).buttons`. */
  button: RenderedButton;
  /** Its index among the template's buttons: names its variable (`buttons.0`). */
  index: number;
  /**
   * The template's language (BCP 47), set on the button's text for screen readers.
   * @default undefined (the page's language)
   */
  lang?: string;
  /**
   * Leaves out Reachout's classes; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

function ButtonIcon({ type, ...props }: IconProps & { type: RenderedButton['type'] }) {
  switch (type) {
    case 'QUICK_REPLY':
      return <ReplyIcon {...props} />;
    case 'URL':
      return <ExternalLinkIcon {...props} />;
    case 'PHONE_NUMBER':
    case 'VOICE_CALL':
      return <PhoneIcon {...props} />;
    case 'COPY_CODE':
    case 'OTP':
      return <CopyIcon {...props} />;
    case 'FLOW':
    case 'CATALOG':
    case 'MPM':
      return <ListIcon {...props} />;
    default:
      return type satisfies never;
  }
}

/**
 * One button, as the customer will see it, with what it does underneath: the URL, the phone
 * number or the code. A list item, not a `<button>`: nothing happens on click in a preview, so
 * keyboard users are not sent through dead controls. `data-type` is the kebab-case type
 * (`quick-reply`, `url`, `phone-number`, `copy-code`...).
 */
export const TemplatePreviewButton = forwardRef<HTMLLIElement, TemplatePreviewButtonProps>(function TemplatePreviewButton(
  { button, index, lang, unstyled, className, ...props },
  ref,
) {
  const { t } = useOptionalMessages();
  const { components } = useTemplatePreviewContext();
  const Variable = components.Variable ?? TemplatePreviewVariable;
  const partClassName = usePartClassName('TemplatePreview.Buttons', 'reachout-template-preview__button', unstyled, className);
  const labelClass = usePartClassName('TemplatePreview.Buttons', 'reachout-template-preview__button-label', unstyled, undefined);
  const iconClass = usePartClassName('TemplatePreview.Buttons', 'reachout-template-preview__button-icon', unstyled, undefined);
  const textClass = usePartClassName('TemplatePreview.Buttons', 'reachout-template-preview__button-text', unstyled, undefined);
  const detailClass = usePartClassName('TemplatePreview.Buttons', 'reachout-template-preview__button-detail', unstyled, undefined);
  const path = `buttons.${index}` as const;

  let detail: ReactNode = null;
  // URLs and phone numbers read left to right in any language.
  let detailDirection: 'ltr' | 'auto' = 'ltr';
  if (button.url !== undefined) {
    const placeholder = urlButtonPlaceholder.exec(button.url);
    detail =
      placeholder === null ? (
        button.url
      ) : (
        <>
          {button.url.slice(0, placeholder.index)}
          <Variable node={{ type: 'variable', path, key: placeholder[0].slice(2, -2), value: null }} />
          {button.url.slice(placeholder.index + placeholder[0].length)}
        </>
      );
  } else if (button.phoneNumber !== undefined) {
    detail = <FormattedPhone e164={button.phoneNumber} />;
  } else if (button.code !== undefined) {
    detailDirection = 'auto';
    detail = (
      <Variable
        node={{ type: 'variable', path, key: String(index), value: button.code }}
        placeholder={t('templatePreview.button.codePlaceholder')}
      />
    );
  }

  return (
    <li
      ref={ref}
      data-slot="template-preview-button"
      data-type={button.type.toLowerCase().replace(/_/g, '-')}
      className={partClassName}
      {...props}
    >
      {/* Blocks, not spans: label and detail stay two lines (and two phrases) even unstyled. */}
      <div data-slot="template-preview-button-label" className={labelClass}>
        <ButtonIcon type={button.type} className={iconClass} data-slot="template-preview-button-icon" />
        <span data-slot="template-preview-button-text" className={textClass} dir="auto" lang={lang}>
          {button.text}
        </span>
      </div>
      {detail !== null && (
        <div data-slot="template-preview-button-detail" className={detailClass} dir={detailDirection}>
          {detail}
        </div>
      )}
    </li>
  );
});
