import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { MessageTemplate, TemplateParameters } from '../../core/types';
import { TemplatePreviewBody, TemplatePreviewBubble, TemplatePreviewFooter } from './TemplatePreviewBubble';
import { TemplatePreviewButton, TemplatePreviewButtons } from './TemplatePreviewButtons';
import { TemplatePreviewHeader } from './TemplatePreviewHeader';
import { TemplatePreviewRoot } from './TemplatePreviewRoot';
import type { TemplatePreviewComponents } from './TemplatePreviewRoot';
import { TemplatePreviewVariable } from './TemplatePreviewVariable';
import { useTemplatePreview } from './useTemplatePreview';

export interface TemplatePreviewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** A Cloud API template, as Meta returns it (any status: drafts preview too). */
  template: MessageTemplate;
  /**
   * Values for its variables and media header. Missing ones are shown as marked placeholders
   * (`{{1}}`, `{{first_name}}`, an image placeholder).
   * @default {}
   */
  parameters?: TemplateParameters;
  /**
   * Leaves out Reachout's classes on every part; the `data-slot`, `data-state` and
   * `data-type` attributes stay, for hosts that style with their own design system.
   * @default false
   */
  unstyled?: boolean;
  /**
   * Replacements for the header, the buttons or the variables.
   * @default {}
   */
  components?: TemplatePreviewComponents;
}

const TemplatePreviewAssembly = forwardRef<HTMLDivElement, TemplatePreviewProps>(function TemplatePreview(
  { template, parameters, unstyled = false, components, ...props },
  ref,
) {
  const { rendered, language, label } = useTemplatePreview({ template, parameters });
  const Header = components?.Header ?? TemplatePreviewHeader;
  const Button = components?.Button ?? TemplatePreviewButton;
  return (
    <TemplatePreviewRoot
      ref={ref}
      aria-label={label}
      complete={rendered.complete}
      unstyled={unstyled}
      components={components}
      {...props}
    >
      <TemplatePreviewBubble>
        {rendered.header !== null && <Header header={rendered.header} lang={language} />}
        {rendered.body.length > 0 && <TemplatePreviewBody nodes={rendered.body} lang={language} />}
        {rendered.footer !== null && <TemplatePreviewFooter nodes={rendered.footer} lang={language} />}
      </TemplatePreviewBubble>
      {rendered.buttons.length > 0 && (
        <TemplatePreviewButtons>
          {rendered.buttons.map((button, index) => (
            // Buttons come from the template in a fixed order: the index is their identity.
            <Button key={index} button={button} index={index} lang={language} />
          ))}
        </TemplatePreviewButtons>
      )}
    </TemplatePreviewRoot>
  );
});

/**
 * A WhatsApp-style preview of a message template: the bubble as the customer will see it
 * (media or text header, formatted body, footer) and its buttons underneath, with unfilled
 * variables clearly marked. Purely presentational: it needs no data provider, and picks up
 * the provider's messages and locale when there is one. Parts are available for recomposing
 * (`TemplatePreview.Root`, `.Bubble`, `.Header`, `.Body`, `.Footer`, `.Buttons`, `.Button`,
 * `.Variable`) with `useTemplatePreview`.
 *
 * @example
 * <TemplatePreview template={template} parameters={{ body: { '1': contact.name } }} />
 */
export const TemplatePreview = Object.assign(TemplatePreviewAssembly, {
  Root: TemplatePreviewRoot,
  Bubble: TemplatePreviewBubble,
  Header: TemplatePreviewHeader,
  Body: TemplatePreviewBody,
  Footer: TemplatePreviewFooter,
  Buttons: TemplatePreviewButtons,
  Button: TemplatePreviewButton,
  Variable: TemplatePreviewVariable,
});
