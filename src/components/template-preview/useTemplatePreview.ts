import { useMemo } from 'react';
import { renderTemplate } from '../../core/template/renderTemplate';
import type { RenderedTemplate } from '../../core/template/types';
import type { MessageTemplate, TemplateParameters } from '../../core/types';
import { useOptionalMessages } from './messages';

export interface UseTemplatePreviewOptions {
  /** A Cloud API template, as Meta returns it. */
  template: MessageTemplate;
  /**
   * Values for its variables and media header; missing ones show as placeholders.
   * @default {}
   */
  parameters?: TemplateParameters;
}

export interface UseTemplatePreviewResult {
  /** Header, body, footer and buttons with the parameters filled in, as nodes (never HTML). */
  rendered: RenderedTemplate;
  /** The template's language as a BCP 47 tag (`pt_BR` → `pt-BR`), for `lang` attributes. */
  language: string;
  /** The preview's accessible name: "Preview of order_update". */
  label: string;
}

const noParameters: TemplateParameters = {};

/**
 * Everything the preview parts need, for hosts assembling their own preview from
 * `TemplatePreview.Root`, `.Bubble`, `.Header`, `.Body`, `.Footer`, `.Buttons` and `.Button`.
 * Works with or without a `<ReachoutProvider>` (without one, the English messages are used).
 *
 * @example
 * const { rendered, language, label } = useTemplatePreview({ template, parameters });
 * return (
 *   <TemplatePreview.Root aria-label={label} complete={rendered.complete}>
 *     <TemplatePreview.Bubble>
 *       <TemplatePreview.Body nodes={rendered.body} lang={language} />
 *     </TemplatePreview.Bubble>
 *   </TemplatePreview.Root>
 * );
 */
export function useTemplatePreview({ template, parameters = noParameters }: UseTemplatePreviewOptions): UseTemplatePreviewResult {
  const { t } = useOptionalMessages();
  const rendered = useMemo(() => renderTemplate(template, parameters), [template, parameters]);
  return {
    rendered,
    language: template.language.replace(/_/g, '-'),
    label: t('templatePreview.label', { name: template.name }),
  };
}
