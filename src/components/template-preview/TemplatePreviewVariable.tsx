import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { FormattedNode } from '../../core/template/types';
import { useOptionalMessages } from './messages';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { usePartClassName } from './TemplatePreviewRoot';

/** A variable in formatted text: its path, its key and its value (`null` while unfilled). */
export type TemplateVariableNode = Extract<FormattedNode, { type: 'variable' }>;

export interface TemplatePreviewVariableProps extends ComponentPropsWithoutRef<'span'> {
  /** The variable, from `renderTemplate(...)`'s header or body nodes. */
  node: TemplateVariableNode;
  /**
   * What an unfilled variable shows.
   * @default `{{key}}`, as the template writes it
   */
  placeholder?: string;
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/**
 * One variable: its value, subtly marked (`data-state="filled"`), or its placeholder, clearly
 * marked (`data-state="unfilled"`) and described to screen readers as not filled in yet.
 * A value is text: React escapes it, so markup in it shows as typed.
 */
export const TemplatePreviewVariable = forwardRef<HTMLSpanElement, TemplatePreviewVariableProps>(
  function TemplatePreviewVariable({ node, placeholder, unstyled, className, children, ...props }, ref) {
    const { t, locale } = useOptionalMessages();
    const partClassName = usePartClassName('TemplatePreview.Variable', 'reachout-template-preview__variable', unstyled, className);
    const filled = node.value !== null;
    return (
      <span
        ref={ref}
        data-slot="template-preview-variable"
        data-state={filled ? 'filled' : 'unfilled'}
        data-variable={node.path}
        className={partClassName}
        {...props}
      >
        {children ??
          (filled ? (
            node.value
          ) : (
            <>
              {placeholder ?? `{{${node.key}}}`}
              {/* In the reader's language, not the template's. */}
              <VisuallyHidden lang={locale}> {t('templatePreview.variable.unfilled')}</VisuallyHidden>
            </>
          ))}
      </span>
    );
  },
);
