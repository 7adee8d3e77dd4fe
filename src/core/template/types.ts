import type { TemplateButton, TemplateHeaderFormat, TemplateParameterFormat } from '../types';

/**
 * Where a variable lives, as a stable string used for form fields and error keys:
 * `header.1` / `header.order_id`, `body.2` / `body.first_name`, `buttons.0` (a URL suffix or
 * copy code for the button at that index).
 */
export type TemplateVariablePath = `header.${string}` | `body.${string}` | `buttons.${number}`;

export interface TemplateVariable {
  path: TemplateVariablePath;
  component: 'header' | 'body' | 'button';
  /** `'1'` for positional `{{1}}`, the parameter name for named `{{first_name}}`, the index for buttons. */
  key: string;
  /** The example Meta stores with the template, when it has one. */
  example: string | null;
  /** For button variables: the button's index within BUTTONS and its type. */
  buttonIndex?: number;
  buttonType?: 'URL' | 'COPY_CODE';
}

export interface ParsedTemplate {
  parameterFormat: TemplateParameterFormat;
  header:
    | { format: 'TEXT'; text: string }
    | { format: Exclude<TemplateHeaderFormat, 'TEXT'>; exampleLink: string | null }
    | null;
  body: string;
  footer: string | null;
  buttons: TemplateButton[];
  /**
   * Every variable in send order: header, body (by number for positional templates, by first
   * appearance for named ones), buttons.
   */
  variables: TemplateVariable[];
  /** `'image' | 'video' | 'document' | 'location'` when the header is a media header. */
  mediaHeader: 'image' | 'video' | 'document' | 'location' | null;
}

export type TemplateIssueCode =
  | 'required'
  | 'invalid_characters'
  | 'too_long'
  | 'invalid_url'
  | 'wrong_header_type'
  | 'unknown_variable'
  | 'invalid_location'
  /** The template is not `APPROVED`: WhatsApp sends only approved templates. */
  | 'not_approved';

/** One broken Cloud API rule, keyed by variable path (`header`, `body`, `footer` for whole parts). */
export interface TemplateIssue {
  path: TemplateVariablePath | 'header' | 'body' | 'footer';
  code: TemplateIssueCode;
  /** English message; widgets show their own translated text from `code` and `limit`. */
  message: string;
  /** For `too_long`: the maximum and the actual length. */
  limit?: number;
  length?: number;
}

/** A piece of formatted text. Never HTML: a renderer maps each node to elements itself. */
export type FormattedNode =
  | { type: 'text'; text: string }
  | {
      type: 'variable';
      path: TemplateVariablePath;
      key: string;
      value: string | null;
      /** Set when the variable sits inside a ```monospace``` span (whose node holds text only). */
      monospace?: true;
    }
  | { type: 'bold' | 'italic' | 'strikethrough'; children: FormattedNode[] }
  | { type: 'monospace'; text: string }
  | { type: 'linebreak' };

export interface RenderedButton {
  type: TemplateButton['type'];
  text: string;
  /** URL buttons: the URL with its suffix filled in (or the `{{1}}` kept when unfilled). */
  url?: string;
  phoneNumber?: string;
  /** COPY_CODE buttons: the code. */
  code?: string | null;
}

export interface RenderedTemplate {
  header:
    | { type: 'text'; content: FormattedNode[] }
    | { type: 'image' | 'video' | 'document'; link: string | null; filename?: string }
    | { type: 'location'; latitude: number | null; longitude: number | null; name?: string; address?: string }
    | null;
  body: FormattedNode[];
  footer: FormattedNode[] | null;
  buttons: RenderedButton[];
  /** The body as plain text with values filled in (unfilled variables kept as `{{key}}`). */
  bodyText: string;
  /** True when every variable has a value. */
  complete: boolean;
}
