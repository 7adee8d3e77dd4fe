import type { Contact, MessageTemplate, TemplateParameters } from '../types';
import { contactFieldValue } from './contactFieldValue';
import type { ContactField } from './contactFieldValue';
import { parseTemplate } from './parseTemplate';
import type { TemplateVariablePath } from './types';

/** The wizard's form state for one template. */
export interface ResolveTemplateParametersOptions {
  template: MessageTemplate;
  /** What the user typed, per variable path (`body.1`, `header.order_id`, `buttons.0`). */
  values: Partial<Record<TemplateVariablePath, string>>;
  /** Variables filled from the contact instead; a binding wins over a typed value. */
  bindings?: Partial<Record<TemplateVariablePath, ContactField>>;
  /** The recipient, read for bound variables. */
  contact?: Contact | null;
  /** The image, video, document or location for a media header. */
  headerMedia?: TemplateParameters['header'];
}

/**
 * Turns form state into `TemplateParameters`: each of the template's variables takes its bound
 * contact field's value when it has a binding, otherwise what the user typed. A bound field the
 * contact lacks leaves the variable empty (validation then says it is required) rather than
 * falling back to stale typed text. Values for paths the template doesn't have are dropped;
 * empty values are left out.
 *
 * @example
 * resolveTemplateParameters({ template, values: { 'body.2': '#1042' }, bindings: { 'body.1': 'firstName' }, contact });
 * // { body: { '1': 'Maria', '2': '#1042' } }
 */
export function resolveTemplateParameters({
  template,
  values,
  bindings = {},
  contact = null,
  headerMedia,
}: ResolveTemplateParametersOptions): TemplateParameters {
  const parsed = parseTemplate(template);
  const parameters: TemplateParameters = {};

  for (const variable of parsed.variables) {
    const binding = bindings[variable.path];
    const value =
      binding === undefined ? values[variable.path] : contact === null ? undefined : contactFieldValue(contact, binding);
    if (value === undefined || value === null || value === '') continue;
    switch (variable.component) {
      case 'header':
        parameters.header = { type: 'text', text: value };
        break;
      case 'body':
        parameters.body = { ...parameters.body, [variable.key]: value };
        break;
      case 'button':
        parameters.buttons = { ...parameters.buttons, [variable.buttonIndex ?? Number(variable.key)]: value };
        break;
      default:
        variable.component satisfies never;
    }
  }

  if (parsed.mediaHeader !== null && headerMedia !== undefined) parameters.header = headerMedia;
  return parameters;
}
