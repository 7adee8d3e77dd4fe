import type {
  MessageTemplate,
  NamedParamExample,
  TemplateBodyComponent,
  TemplateButton,
  TemplateButtonsComponent,
  TemplateFooterComponent,
  TemplateHeaderComponent,
  TemplateParameterFormat,
} from '../types';
import { placeholderKeys, urlButtonPlaceholder } from './templateText';
import type { ParsedTemplate, TemplateVariable } from './types';

function findComponent<Type extends 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS'>(
  template: MessageTemplate,
  type: Type,
) {
  type Found = Extract<
    TemplateHeaderComponent | TemplateBodyComponent | TemplateFooterComponent | TemplateButtonsComponent,
    { type: Type }
  >;
  return template.components.find((component): component is Found => component.type === type);
}

function namedExample(examples: NamedParamExample[] | undefined, key: string): string | null {
  return examples?.find((example) => example.param_name === key)?.example ?? null;
}

function positionalExample(examples: string[] | undefined, key: string): string | null {
  return examples?.[Number(key) - 1] ?? null;
}

function urlSuffixExample(url: string, example: string | undefined): string | null {
  if (example === undefined) return null;
  const prefix = url.slice(0, url.search(urlButtonPlaceholder));
  // Meta stores the full example URL; older templates and some tools store only the suffix.
  return example.startsWith(prefix) ? example.slice(prefix.length) : example;
}

function copyCodeExample(example: string | string[] | undefined): string | null {
  if (example === undefined) return null;
  return (typeof example === 'string' ? example : example[0]) ?? null;
}

function buttonVariable(button: TemplateButton, index: number): TemplateVariable | null {
  const common = { path: `buttons.${index}`, component: 'button', key: String(index), buttonIndex: index } as const;
  if (button.type === 'URL' && urlButtonPlaceholder.test(button.url)) {
    return { ...common, buttonType: 'URL', example: urlSuffixExample(button.url, button.example?.[0]) };
  }
  if (button.type === 'COPY_CODE') {
    return { ...common, buttonType: 'COPY_CODE', example: copyCodeExample(button.example) };
  }
  return null;
}

/**
 * Reads a Cloud API template into its parts and the variables a sender must fill, in send
 * order: the header variable, the body variables (by number for positional templates, by first
 * appearance for named ones; a variable used twice is one variable), then URL-suffix and
 * copy-code buttons. `parameter_format` missing means `POSITIONAL`.
 *
 * @example
 * parseTemplate(template).variables.map((variable) => variable.path); // ['body.1', 'body.2', 'buttons.0']
 */
export function parseTemplate(template: MessageTemplate): ParsedTemplate {
  const parameterFormat: TemplateParameterFormat = template.parameter_format ?? 'POSITIONAL';
  const headerComponent = findComponent(template, 'HEADER');
  const bodyComponent = findComponent(template, 'BODY');
  const footerComponent = findComponent(template, 'FOOTER');
  const buttons = findComponent(template, 'BUTTONS')?.buttons ?? [];
  const variables: TemplateVariable[] = [];

  let header: ParsedTemplate['header'] = null;
  let mediaHeader: ParsedTemplate['mediaHeader'] = null;
  if (headerComponent !== undefined) {
    if (headerComponent.format === 'TEXT') {
      const text = headerComponent.text ?? '';
      header = { format: 'TEXT', text };
      for (const key of placeholderKeys(text, parameterFormat)) {
        const example =
          parameterFormat === 'NAMED'
            ? namedExample(headerComponent.example?.header_text_named_params, key)
            : positionalExample(headerComponent.example?.header_text, key);
        variables.push({ path: `header.${key}`, component: 'header', key, example });
      }
    } else {
      header = { format: headerComponent.format, exampleLink: headerComponent.example?.header_handle?.[0] ?? null };
      mediaHeader = mediaHeaderType(headerComponent.format);
    }
  }

  const body = bodyComponent?.text ?? '';
  for (const key of placeholderKeys(body, parameterFormat)) {
    const example =
      parameterFormat === 'NAMED'
        ? namedExample(bodyComponent?.example?.body_text_named_params, key)
        : positionalExample(bodyComponent?.example?.body_text?.[0], key);
    variables.push({ path: `body.${key}`, component: 'body', key, example });
  }

  buttons.forEach((button, index) => {
    const variable = buttonVariable(button, index);
    if (variable !== null) variables.push(variable);
  });

  return {
    parameterFormat,
    header,
    body,
    footer: footerComponent?.text ?? null,
    buttons,
    variables,
    mediaHeader,
  };
}

function mediaHeaderType(format: 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION'): NonNullable<ParsedTemplate['mediaHeader']> {
  switch (format) {
    case 'IMAGE':
      return 'image';
    case 'VIDEO':
      return 'video';
    case 'DOCUMENT':
      return 'document';
    case 'LOCATION':
      return 'location';
    default:
      return format satisfies never;
  }
}
