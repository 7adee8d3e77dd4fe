import { cn } from '../internal/cn';

/** Props every template-steps part takes for its naming and styling. */
export interface TemplateStepsPartProps {
  /**
   * The widget the part sits in: its classes are `reachout-${partPrefix}__…` and its `data-slot`s
   * `${partPrefix}-…`, so the part is styled as that widget's own (SendMessageWizard passes
   * `'send-message-wizard'`).
   * @default 'template-steps'
   */
  partPrefix?: string;
  /**
   * Leaves out Reachout's classes; `data-slot` and `data-state` stay.
   * @default false
   */
  unstyled?: boolean;
}

/** The class and slot names of a part's pieces under its prefix. */
export function templateStepsNames(partPrefix: string, unstyled: boolean) {
  return {
    className: (name: string, extra?: string) => cn(!unstyled && `reachout-${partPrefix}__${name}`, extra),
    slot: (name: string) => `${partPrefix}-${name}`,
  };
}
