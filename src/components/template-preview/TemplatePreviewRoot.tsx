import { forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef, ComponentType } from 'react';
import { cn } from '../internal/cn';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import type { TemplatePreviewButtonProps } from './TemplatePreviewButtons';
import type { TemplatePreviewHeaderProps } from './TemplatePreviewHeader';
import type { TemplatePreviewVariableProps } from './TemplatePreviewVariable';

/**
 * Replacements for parts of the default assembly. Each receives the same props as the part it
 * replaces, so wrapping the default (`TemplatePreview.Button`) is one line.
 */
export interface TemplatePreviewComponents {
  /** The text or media header (e.g. a real video player instead of the placeholder). */
  Header?: ComponentType<TemplatePreviewHeaderProps>;
  /** One button under the bubble. */
  Button?: ComponentType<TemplatePreviewButtonProps>;
  /** One variable in the header or body text (e.g. to highlight the field being edited). */
  Variable?: ComponentType<TemplatePreviewVariableProps>;
}

export interface TemplatePreviewContextValue {
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
  /** The host's replacements for parts. */
  components: TemplatePreviewComponents;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
const templatePreviewWidgetContext = createWidgetContext<TemplatePreviewContextValue>('TemplatePreview', {
  // Parts also work on their own, styled and with the defaults.
  defaultValue: { unstyled: false, components: {} },
});
const useWidgetContext: WidgetContext<TemplatePreviewContextValue>['useWidgetContext'] = (part) => templatePreviewWidgetContext.useWidgetContext(part);
const usePartClassName: WidgetContext<TemplatePreviewContextValue>['usePartClassName'] = (...args) => templatePreviewWidgetContext.usePartClassName(...args);

/**
 * What the enclosing `TemplatePreview.Root` says; outside one, the defaults (styled, no
 * replacements), so parts also work on their own.
 *
 * @example
 * const { components } = useTemplatePreviewContext();
 */
export const useTemplatePreviewContext: (part?: string) => TemplatePreviewContextValue = useWidgetContext;

/** The part's own class, or none when unstyled (explicitly, or through the Root). */
export { usePartClassName };

export interface TemplatePreviewRootProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Leaves out Reachout's classes here and in every part inside (data attributes and
   * behaviour stay), for hosts that style with their own design system.
   * @default false
   */
  unstyled?: boolean;
  /**
   * Replacements for parts rendered inside, read by the default assembly and by
   * `FormattedText` (for `Variable`).
   * @default {}
   */
  components?: TemplatePreviewComponents;
  /**
   * Every variable and media header has a value: set as `data-complete`, for host styles.
   * @default false
   */
  complete?: boolean;
}

/**
 * The chat surface around the bubble and its buttons. Give it an accessible name
 * (`aria-label`): it is a `group`, and the default assembly names it "Preview of <template>".
 */
export const TemplatePreviewRoot = forwardRef<HTMLDivElement, TemplatePreviewRootProps>(function TemplatePreviewRoot(
  { unstyled = false, components, complete = false, className, ...props },
  ref,
) {
  const value = useMemo(() => ({ unstyled, components: components ?? {} }), [unstyled, components]);
  return (
    <templatePreviewWidgetContext.Provider value={value}>
      <div
        ref={ref}
        role="group"
        data-slot="template-preview"
        data-complete={complete ? '' : undefined}
        className={cn(!unstyled && 'reachout-template-preview', className)}
        {...props}
      />
    </templatePreviewWidgetContext.Provider>
  );
});
