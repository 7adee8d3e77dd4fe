import { ReachoutError } from '../errors';
import type {
  MessageTemplate,
  TemplateMessageComponent,
  TemplateMessageParameter,
  TemplateMessagePayload,
  TemplateParameters,
} from '../types';
import { parseTemplate } from './parseTemplate';
import type { ParsedTemplate, TemplateVariable } from './types';
import { validateTemplateParameters } from './validateTemplateParameters';

/** What `buildTemplateMessage` needs: the recipient, the template and its values. */
export interface BuildTemplateMessageOptions {
  /** The recipient's phone number (E.164; the Cloud API accepts it with or without `+`). */
  to: string;
  template: MessageTemplate;
  parameters: TemplateParameters;
}

function textParameter(parsed: ParsedTemplate, variable: TemplateVariable, text: string): TemplateMessageParameter {
  return parsed.parameterFormat === 'NAMED' ? { type: 'text', parameter_name: variable.key, text } : { type: 'text', text };
}

function headerParameter(
  parsed: ParsedTemplate,
  header: NonNullable<TemplateParameters['header']>,
): TemplateMessageParameter | null {
  switch (header.type) {
    case 'text': {
      const variable = parsed.variables.find((candidate) => candidate.component === 'header');
      return variable === undefined ? null : textParameter(parsed, variable, header.text);
    }
    case 'image':
      return { type: 'image', image: { link: header.link } };
    case 'video':
      return { type: 'video', video: { link: header.link } };
    case 'document':
      return {
        type: 'document',
        document: header.filename === undefined ? { link: header.link } : { link: header.link, filename: header.filename },
      };
    case 'location': {
      const { latitude, longitude, name, address } = header;
      return {
        type: 'location',
        location: {
          latitude,
          longitude,
          ...(name === undefined ? {} : { name }),
          ...(address === undefined ? {} : { address }),
        },
      };
    }
    default:
      return header satisfies never;
  }
}

function buttonComponent(variable: TemplateVariable, value: string): TemplateMessageComponent {
  const index = String(variable.buttonIndex ?? variable.key);
  return variable.buttonType === 'COPY_CODE'
    ? { type: 'button', sub_type: 'copy_code', index, parameters: [{ type: 'coupon_code', coupon_code: value }] }
    : { type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text: value }] };
}

/**
 * Builds the exact Cloud API `POST /<PHONE_NUMBER_ID>/messages` body for a template message.
 * Positional body parameters go in number order, named ones in the template's order with their
 * `parameter_name`; media and location headers, URL suffixes and copy codes get their own
 * parameters. A template with nothing to fill is sent without `components`, as Meta's
 * `hello_world` example is.
 *
 * @throws {ReachoutError} `VALIDATION`, with `fieldErrors` keyed by issue path (`body.1`,
 * `header`, `buttons.0`...), when `validateTemplateParameters` reports anything: it never
 * builds a payload the Cloud API would reject for its parameters.
 *
 * @example
 * buildTemplateMessage({ to: '+5511987654321', template, parameters: { body: { '1': 'Ana' } } });
 */
export function buildTemplateMessage({ to, template, parameters }: BuildTemplateMessageOptions): TemplateMessagePayload {
  const issues = validateTemplateParameters(template, parameters);
  if (issues.length > 0) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of issues) fieldErrors[issue.path] ??= issue.message;
    // Stryker disable next-line StringLiteral: the `?? ''` is for the type checker only (one issue is there).
    const summary = issues.length === 1 ? (issues[0]?.message ?? '') : `${issues.length} template parameters are invalid.`;
    throw new ReachoutError('VALIDATION', summary, { fieldErrors });
  }

  const parsed = parseTemplate(template);
  const components: TemplateMessageComponent[] = [];

  const header = parameters.header === undefined ? null : headerParameter(parsed, parameters.header);
  if (header !== null) components.push({ type: 'header', parameters: [header] });

  const bodyParameters: TemplateMessageParameter[] = [];
  for (const variable of parsed.variables) {
    const value = variable.component === 'body' ? parameters.body?.[variable.key] : undefined;
    if (value !== undefined) bodyParameters.push(textParameter(parsed, variable, value));
  }
  if (bodyParameters.length > 0) components.push({ type: 'body', parameters: bodyParameters });

  for (const variable of parsed.variables) {
    const value = variable.component === 'button' ? parameters.buttons?.[variable.buttonIndex ?? Number(variable.key)] : undefined;
    if (value !== undefined) components.push(buttonComponent(variable, value));
  }

  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      ...(components.length > 0 ? { components } : {}),
    },
  };
}
