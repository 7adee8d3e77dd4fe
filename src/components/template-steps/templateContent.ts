import { templateLimits, validateTemplateParameters } from '../../core/template';
import type { ContactField, TemplateIssueCode, TemplateVariablePath } from '../../core/template';
import type { MessageTemplate, TemplateParameters } from '../../core/types';

// Pure rules of the content step: no React, shared by useTemplateContent and the wizards.

/** What a person fills in on the content step of one template. */
export interface TemplateContentValues {
  /** What was typed per variable path (`body.1`, `header.order_id`, `buttons.0`). */
  variables: Partial<Record<TemplateVariablePath, string>>;
  /** Variables filled from a contact field instead of typed ("dynamic content"). */
  bindings: Partial<Record<TemplateVariablePath, ContactField>>;
  /** The image, video, document or location of a media header. */
  headerMedia: TemplateParameters['header'] | null;
  /**
   * The link the provider's `uploadMedia` answered. A typed link must be https (WhatsApp fetches
   * media over https); the provider's own upload link is taken as it comes.
   * @default null
   */
  uploadedMediaLink?: string | null;
}

/** Where a content problem belongs: a variable path, a whole template part, or the template itself. */
export type TemplateContentField = TemplateVariablePath | 'header' | 'body' | 'footer' | 'template';

/** One field's problem: a template rule (`code` from `validateTemplateParameters`) or the provider's words. */
export interface TemplateContentIssue {
  /** The broken template rule, or `'provider'` for a field error the provider sent back. */
  code: TemplateIssueCode | 'provider';
  /** English text (template rules) or the provider's message; widgets translate from `code`. */
  message: string;
  /** For `too_long`: the maximum. */
  limit?: number;
  /** For `too_long`: the actual length. */
  length?: number;
}

/** Problems per field; the first problem of a field wins. */
export type TemplateContentIssues = Partial<Record<TemplateContentField, TemplateContentIssue>>;

/** Nothing filled in yet. */
export function emptyTemplateContentValues(): TemplateContentValues {
  return { variables: {}, bindings: {}, headerMedia: null, uploadedMediaLink: null };
}

/**
 * Every problem with a template and its parameters: no template, one that is not approved, the
 * Cloud API's rules (`validateTemplateParameters`), and a typed media link that is not https.
 *
 * @example
 * const issues = templateContentIssues({ template, parameters, values });
 * const canSend = Object.keys(issues).length === 0;
 */
export function templateContentIssues({
  template,
  parameters,
  values,
}: {
  template: MessageTemplate | null;
  parameters: TemplateParameters;
  values: Pick<TemplateContentValues, 'headerMedia' | 'uploadedMediaLink'>;
}): TemplateContentIssues {
  const found: TemplateContentIssues = {};
  if (template === null) {
    found.template = { code: 'required', message: 'Choose a template.' };
    return found;
  }
  if (template.status !== 'APPROVED') {
    found.template = { code: 'not_approved', message: 'Only approved templates can be sent.' };
  } else {
    for (const issue of validateTemplateParameters(template, parameters)) {
      const { path, code, message, limit, length } = issue;
      found[path] ??= { code, message, ...(limit === undefined ? {} : { limit }), ...(length === undefined ? {} : { length }) };
    }
  }
  const media = values.headerMedia;
  if (found.header === undefined && media && 'link' in media && !/^https:\/\//i.test(media.link.trim()) && media.link !== values.uploadedMediaLink) {
    found.header = { code: 'invalid_url', message: 'The link must start with https://' };
  }
  return found;
}

/** The limit a single variable's value has on its own (header text, offer code), or `null`. */
export function variableLimit(variable: { component: 'header' | 'body' | 'button'; buttonType?: 'URL' | 'COPY_CODE' }): number | null {
  if (variable.component === 'header') return templateLimits.headerText;
  return variable.buttonType === 'COPY_CODE' ? templateLimits.copyCode : null;
}

/** A counter shows from this share of its limit on: a calm form until a limit is close. */
const nearLimitShare = 0.8;

/** Whether a value is close enough to its limit (or over it) for its counter to show. */
export function isNearLimit(length: number, limit: number): boolean {
  return length >= limit * nearLimitShare;
}

/** A named variable's name for people: `first_name` → "First name", `orderId` → "Order id". */
export function humanName(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? key : words.charAt(0).toUpperCase() + words.slice(1);
}
