import { createContext, useContext } from 'react';
import type { Provider } from 'react';
import { cn } from './cn';

/** What every widget's context carries, whatever else it holds. */
export interface WidgetContextBase {
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
}

export interface WidgetContext<Value extends WidgetContextBase> {
  /** Put by the widget's Root around its parts. */
  Provider: Provider<Value | null>;
  /**
   * The enclosing Root's value. `part` names the caller in the error thrown outside a Root
   * (`<ContactList.Search> must be used inside <ContactList.Root> (ContactListRoot).`).
   */
  useWidgetContext: (part?: string) => Value;
  /**
   * A part's class: its own (`partClass`) unless unstyled (by the part's prop, else the Root's),
   * merged with the host's `className`. Reads the context, so it also checks the part is inside.
   */
  usePartClassName: (
    part: string,
    partClass: string,
    unstyled: boolean | undefined,
    className: string | undefined,
  ) => string | undefined;
}

/**
 * The context of a compound widget (`widget` is its name, e.g. `ContactList`): the Root's
 * provider, the hook its parts and the host's own parts read it with, and the part-class helper.
 * With `defaultValue`, parts also work outside a Root (TemplatePreview's parts do); `root` names
 * the part that provides the context when it is not the Root (SendMessageWizard's `Panel`).
 *
 * @example
 * const { Provider, useWidgetContext, usePartClassName } = createWidgetContext<TicketsTabContextValue>('TicketsTab');
 * export const useTicketsTabContext = useWidgetContext;
 */
export function createWidgetContext<Value extends WidgetContextBase>(
  widget: string,
  options: { defaultValue?: Value; root?: string } = {},
): WidgetContext<Value> {
  const Context = createContext<Value | null>(options.defaultValue ?? null);
  Context.displayName = `${widget}Context`;
  const root = options.root ?? 'Root';

  function useWidgetContext(part = `use${widget}Context`): Value {
    const value = useContext(Context);
    if (value === null) throw new Error(`<${part}> must be used inside <${widget}.${root}> (${widget}${root}).`);
    return value;
  }

  function usePartClassName(
    part: string,
    partClass: string,
    unstyled: boolean | undefined,
    className: string | undefined,
  ): string | undefined {
    const context = useWidgetContext(part);
    return cn(!(unstyled ?? context.unstyled) && partClass, className);
  }

  return { Provider: Context.Provider, useWidgetContext, usePartClassName };
}
