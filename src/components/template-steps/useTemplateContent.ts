import { useCallback, useMemo, useState } from 'react';
import { countCharacters } from '../../core/characters';
import { parseTemplate, renderTemplate, resolveTemplateParameters } from '../../core/template';
import type { ContactField, ParsedTemplate, TemplateVariablePath } from '../../core/template';
import type { Contact, MessageTemplate, TemplateParameters } from '../../core/types';
import { useLatestRef } from '../internal/useLatestRef';
import { emptyTemplateContentValues, templateContentIssues } from './templateContent';
import type { TemplateContentIssue, TemplateContentIssues, TemplateContentValues } from './templateContent';

/**
 * What the content parts (`TemplateContentFields`) read and change. `useTemplateContent` returns
 * one; a widget with its own state (SendMessageWizard keeps it in its draft) builds its own.
 */
export interface TemplateContentState {
  /** The chosen template, or `null` (the fields then render nothing). */
  template: MessageTemplate | null;
  /** The template parsed into its variables and header kind, or `null`. */
  parsedTemplate: ParsedTemplate | null;
  /** What was typed, bound and uploaded. */
  values: TemplateContentValues;
  /** Parameters as they will be sent, for the live preview and `buildTemplateMessage`. */
  parameters: TemplateParameters;
  /** Every current problem per field. */
  errors: Partial<Record<string, TemplateContentIssue>>;
  /** The rendered body's length, in characters as `countCharacters` counts them. */
  bodyLength: number;
  /** The contact whose fields fill bound variables, when there is one. */
  contact?: Contact | null | undefined;
  /** Types a variable's value. */
  setVariable: (path: TemplateVariablePath, value: string) => void;
  /** Binds a variable to a contact field, or unbinds it with `null`. */
  setBinding: (path: TemplateVariablePath, field: ContactField | null) => void;
  /** Changes the media header or the uploaded link. */
  setValues: (changes: Partial<TemplateContentValues>) => void;
}

export interface UseTemplateContentOptions {
  /** The template to fill in; `null` until one is chosen. */
  template: MessageTemplate | null;
  /**
   * The contact whose fields fill bound variables.
   * @default null
   */
  contact?: Contact | null;
  /** The values, when the host owns them (with `onValuesChange`). */
  values?: TemplateContentValues;
  /**
   * The starting values, when the host does not own them.
   * @default nothing filled in
   */
  defaultValues?: TemplateContentValues;
  /** Called with every change, owned by the host or not. */
  onValuesChange?: (values: TemplateContentValues) => void;
}

export interface UseTemplateContentResult extends TemplateContentState {
  /** True when the content can be sent: an approved template and no problem. */
  isValid: boolean;
  /** The problems as `templateContentIssues` found them, keyed by field. */
  errors: TemplateContentIssues;
  /** Clears everything typed, e.g. when another template is chosen. */
  reset: () => void;
}

/**
 * The content step's state without markup: the values of a template's variables, media header
 * and bindings; the parameters they make (`resolveTemplateParameters`); their problems
 * (`validateTemplateParameters` and the https rule) and the body's length (`countCharacters`).
 * Give its result to `TemplateContentFields`.
 *
 * @example
 * const content = useTemplateContent({ template, contact });
 * <TemplateContentFields content={content} />
 * <button disabled={!content.isValid} onClick={() => send(content.parameters)}>Send</button>
 */
export function useTemplateContent({ template, contact = null, values: valuesProp, defaultValues, onValuesChange }: UseTemplateContentOptions): UseTemplateContentResult {
  const [ownValues, setOwnValues] = useState<TemplateContentValues>(() => defaultValues ?? emptyTemplateContentValues());
  const values = valuesProp ?? ownValues;
  const isControlled = valuesProp !== undefined;
  // The latestValuesRef values for updates that come faster than renders (two keystrokes in one task).
  const latestValuesRef = useLatestRef(values);
  const onValuesChangeRef = useLatestRef(onValuesChange);

  const update = useCallback(
    (change: (previous: TemplateContentValues) => TemplateContentValues) => {
      const next = change(latestValuesRef.current);
      latestValuesRef.current = next;
      if (!isControlled) setOwnValues(next);
      onValuesChangeRef.current?.(next);
    },
    [isControlled, latestValuesRef, onValuesChangeRef],
  );

  const parsedTemplate = useMemo(() => (template === null ? null : parseTemplate(template)), [template]);
  const parameters = useMemo(
    () =>
      template === null
        ? {}
        : resolveTemplateParameters({ template, values: values.variables, bindings: values.bindings, contact, headerMedia: values.headerMedia ?? undefined }),
    [template, values.variables, values.bindings, values.headerMedia, contact],
  );
  const bodyLength = useMemo(() => (template === null ? 0 : countCharacters(renderTemplate(template, parameters).bodyText)), [template, parameters]);
  const errors = useMemo(
    () => templateContentIssues({ template, parameters, values }),
    // `values` as a whole changes with every keystroke; the rule reads only these two.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [template, parameters, values.headerMedia, values.uploadedMediaLink],
  );

  return {
    template,
    parsedTemplate,
    values,
    parameters,
    errors,
    bodyLength,
    contact,
    isValid: Object.keys(errors).length === 0,
    setVariable: useCallback((path, value) => update((previous) => ({ ...previous, variables: { ...previous.variables, [path]: value } })), [update]),
    setBinding: useCallback(
      (path, field) =>
        update((previous) => {
          const bindings = { ...previous.bindings };
          if (field === null) delete bindings[path];
          else bindings[path] = field;
          return { ...previous, bindings };
        }),
      [update],
    ),
    setValues: useCallback((changes) => update((previous) => ({ ...previous, ...changes })), [update]),
    reset: useCallback(() => update(() => emptyTemplateContentValues()), [update]),
  };
}
