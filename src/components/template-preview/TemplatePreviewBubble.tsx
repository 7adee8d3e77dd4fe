import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { FormattedNode } from '../../core/template/types';
import { FormattedText } from './FormattedText';
import { usePartClassName } from './TemplatePreviewRoot';

export interface TemplatePreviewBubbleProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/** The message bubble around header, body and footer. */
export const TemplatePreviewBubble = forwardRef<HTMLDivElement, TemplatePreviewBubbleProps>(function TemplatePreviewBubble(
  { unstyled, className, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      data-slot="template-preview-bubble"
      className={usePartClassName('TemplatePreview.Bubble', 'reachout-template-preview__bubble', unstyled, className)}
      {...props}
    />
  );
});

export interface TemplatePreviewTextProps extends ComponentPropsWithoutRef<'div'> {
  /** The formatted text, from `renderTemplate(...)`'s `body` or `footer`. */
  nodes: readonly FormattedNode[];
  /**
   * The template's language (BCP 47, `pt-BR`), so screen readers read it in the right voice.
   * @default undefined (the page's language)
   */
  lang?: string;
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/**
 * The body text. `dir="auto"`: an Arabic template reads right to left inside a left-to-right
 * page (and the other way round), as on the customer's phone.
 */
export const TemplatePreviewBody = forwardRef<HTMLDivElement, TemplatePreviewTextProps>(function TemplatePreviewBody(
  { nodes, unstyled, className, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      data-slot="template-preview-body"
      dir="auto"
      className={usePartClassName('TemplatePreview.Bubble', 'reachout-template-preview__body', unstyled, className)}
      {...props}
    >
      <FormattedText nodes={nodes} />
    </div>
  );
});

/** The footer: small, muted text under the body. `dir="auto"` like the body. */
export const TemplatePreviewFooter = forwardRef<HTMLDivElement, TemplatePreviewTextProps>(function TemplatePreviewFooter(
  { nodes, unstyled, className, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      data-slot="template-preview-footer"
      dir="auto"
      className={usePartClassName('TemplatePreview.Bubble', 'reachout-template-preview__footer', unstyled, className)}
      {...props}
    >
      <FormattedText nodes={nodes} />
    </div>
  );
});
