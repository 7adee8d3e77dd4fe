import type { MessageTemplate, TemplateButton, TemplateParameterFormat, TemplateParameters } from '../types';
import { formatSegments } from './formatWhatsAppText';
import type { FormattingSegment } from './formatWhatsAppText';
import { parseTemplate } from './parseTemplate';
import { fillPlaceholders, fillUrl, filledValue, splitPlaceholders, urlButtonPlaceholder } from './templateText';
import type { FormattedNode, ParsedTemplate, RenderedButton, RenderedTemplate } from './types';

function formatTemplateText(
  text: string,
  format: TemplateParameterFormat,
  component: 'header' | 'body',
  valueOf: (key: string) => string | null,
): FormattedNode[] {
  const segments: FormattingSegment[] = splitPlaceholders(text, format).map((part) =>
    part.type === 'text'
      ? part.text
      : { type: 'variable', path: `${component}.${part.key}`, key: part.key, value: valueOf(part.key) },
  );
  return formatSegments(segments);
}

// Meta fixes the label of these buttons; the template object often leaves `text` out.
const defaultCopyCodeText = 'Copy offer code';
const defaultOtpText = 'Copy code';

function renderButton(button: TemplateButton, value: string | null): RenderedButton {
  switch (button.type) {
    case 'URL':
      return {
        type: button.type,
        text: button.text,
        url: value !== null && urlButtonPlaceholder.test(button.url) ? fillUrl(button.url, value) : button.url,
      };
    case 'PHONE_NUMBER':
      return { type: button.type, text: button.text, phoneNumber: button.phone_number };
    case 'COPY_CODE':
      return { type: button.type, text: button.text ?? defaultCopyCodeText, code: value };
    case 'OTP':
      return { type: button.type, text: button.text ?? defaultOtpText };
    case 'QUICK_REPLY':
    case 'FLOW':
    case 'VOICE_CALL':
    case 'CATALOG':
    case 'MPM':
      return { type: button.type, text: button.text };
    default:
      return button satisfies never;
  }
}

function renderHeader(
  parsed: ParsedTemplate,
  parameters: TemplateParameters,
  headerValue: (key: string) => string | null,
): RenderedTemplate['header'] {
  if (parsed.header === null) return null;
  if (parsed.header.format === 'TEXT') {
    return { type: 'text', content: formatTemplateText(parsed.header.text, parsed.parameterFormat, 'header', headerValue) };
  }
  const given = parameters.header;
  switch (parsed.mediaHeader) {
    case 'location':
      return given?.type === 'location'
        ? { type: 'location', latitude: given.latitude, longitude: given.longitude, name: given.name, address: given.address }
        : { type: 'location', latitude: null, longitude: null };
    case 'image':
    case 'video':
    case 'document': {
      const link = given?.type === parsed.mediaHeader ? filledValue(given.link) : null;
      const filename = given?.type === 'document' && parsed.mediaHeader === 'document' ? given.filename : undefined;
      return filename === undefined ? { type: parsed.mediaHeader, link } : { type: parsed.mediaHeader, link, filename };
    }
    case null:
      return null;
    default:
      return parsed.mediaHeader satisfies never;
  }
}

/**
 * Renders a preview of the template filled with `parameters`: header, body and footer as
 * formatted nodes (WhatsApp's `*bold*`, `_italic_`, `~strikethrough~`, ```` ```monospace``` ````,
 * never HTML), buttons with their URL suffix, phone number or code. Variables stay atomic
 * `variable` nodes with their value, `null` when unfilled; a value is literal text, its own
 * markup is never interpreted. `bodyText` is the body as sent (markers kept, since WhatsApp
 * formats it on the phone), with unfilled variables kept as `{{key}}`.
 *
 * @example
 * renderTemplate(template, { body: { '1': 'Ana' } }).bodyText; // 'Hi Ana, your order {{2}} ...'
 */
export function renderTemplate(template: MessageTemplate, parameters: TemplateParameters): RenderedTemplate {
  const parsed = parseTemplate(template);
  const headerText = parameters.header?.type === 'text' ? filledValue(parameters.header.text) : null;
  const headerValue = () => headerText;
  const bodyValue = (key: string) => filledValue(parameters.body?.[key]);
  const buttonValue = (index: number) => filledValue(parameters.buttons?.[index]);

  const header = renderHeader(parsed, parameters, headerValue);
  const mediaComplete =
    header === null || header.type === 'text'
      ? true
      : header.type === 'location'
        ? header.latitude !== null && header.longitude !== null
        : header.link !== null;
  const variablesComplete = parsed.variables.every((variable) => {
    switch (variable.component) {
      case 'header':
        return headerText !== null;
      case 'body':
        return bodyValue(variable.key) !== null;
      case 'button':
        return buttonValue(Number(variable.key)) !== null;
      default:
        return variable.component satisfies never;
    }
  });

  return {
    header,
    body: formatTemplateText(parsed.body, parsed.parameterFormat, 'body', bodyValue),
    footer: parsed.footer === null ? null : formatSegments([parsed.footer]),
    buttons: parsed.buttons.map((button, index) => renderButton(button, buttonValue(index))),
    bodyText: fillPlaceholders(parsed.body, parsed.parameterFormat, bodyValue, 'keep'),
    complete: variablesComplete && mediaComplete,
  };
}
