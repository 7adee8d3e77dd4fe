import type { MessageTemplate, TemplateButton, TemplateParameters } from '../types';
import { parseTemplate } from './parseTemplate';
import { countCharacters } from '../characters';
import { fillPlaceholders, fillUrl, filledValue, isHttpUrl } from './templateText';
import type { ParsedTemplate, TemplateIssue, TemplateVariable } from './types';

/** The Cloud API's limits for template messages, in characters as `countCharacters` counts them (UTF-16 units). */
export const templateLimits = {
  headerText: 60,
  body: 1024,
  footer: 60,
  copyCode: 15,
  buttonUrl: 2000,
  /** More consecutive spaces than this in a parameter are rejected. */
  consecutiveSpaces: 4,
} as const;

const forbiddenInParameter = new RegExp(`[\\n\\r\\t]| {${templateLimits.consecutiveSpaces + 1},}`);

function variableLabel(variable: TemplateVariable): string {
  return `{{${variable.key}}}`;
}

function buttonLabel(button: TemplateButton | undefined, index: number): string {
  const text = button?.text;
  return text ? `button “${text}”` : `button ${index + 1}`;
}

function tooLong(path: TemplateIssue['path'], what: string, limit: number, length: number): TemplateIssue {
  return {
    path,
    code: 'too_long',
    message: `${what} is ${length} characters long; the limit is ${limit}.`,
    limit,
    length,
  };
}

function checkParameterCharacters(variable: TemplateVariable, value: string, where: string): TemplateIssue[] {
  if (!forbiddenInParameter.test(value)) return [];
  return [
    {
      path: variable.path,
      code: 'invalid_characters',
      message: `The value of ${variableLabel(variable)} in the ${where} can’t contain line breaks, tabs or more than ${templateLimits.consecutiveSpaces} spaces in a row.`,
    },
  ];
}

function validateHeader(parsed: ParsedTemplate, parameters: TemplateParameters): TemplateIssue[] {
  const given = parameters.header;
  const issues: TemplateIssue[] = [];
  if (parsed.header === null) {
    if (given !== undefined) {
      issues.push({ path: 'header', code: 'unknown_variable', message: 'This template has no header to fill.' });
    }
    return issues;
  }

  if (parsed.header.format === 'TEXT') {
    const variable = parsed.variables.find((candidate) => candidate.component === 'header');
    if (variable === undefined) {
      if (given !== undefined) {
        issues.push({ path: 'header', code: 'unknown_variable', message: 'This template’s header has no variable to fill.' });
      }
    } else if (given !== undefined && given.type !== 'text') {
      issues.push({ path: 'header', code: 'wrong_header_type', message: `This template’s header is text, not ${given.type}.` });
    } else {
      const value = filledValue(given?.text);
      if (value === null) {
        issues.push({ path: variable.path, code: 'required', message: `Fill in ${variableLabel(variable)} in the header.` });
      } else {
        issues.push(...checkParameterCharacters(variable, value, 'header'));
      }
    }
    const text = fillPlaceholders(parsed.header.text, parsed.parameterFormat, () => filledValue(given?.type === 'text' ? given.text : undefined), 'empty');
    const length = countCharacters(text);
    if (length > templateLimits.headerText) issues.push(tooLong('header', 'The header', templateLimits.headerText, length));
    return issues;
  }

  const expected = parsed.mediaHeader;
  if (expected === null) return issues;
  const article = expected === 'image' ? 'an' : 'a';
  if (given === undefined) {
    issues.push({ path: 'header', code: 'required', message: `This template needs ${article} ${expected} for its header.` });
    return issues;
  }
  if (given.type !== expected) {
    issues.push({
      path: 'header',
      code: 'wrong_header_type',
      message: `This template’s header needs ${article} ${expected}, not ${given.type === 'image' ? 'an' : 'a'} ${given.type}.`,
    });
    return issues;
  }
  if (given.type === 'location') {
    const { latitude, longitude } = given;
    const valid =
      Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    if (!valid) {
      issues.push({
        path: 'header',
        code: 'invalid_location',
        message: 'The location needs a latitude between -90 and 90 and a longitude between -180 and 180.',
      });
    }
  } else {
    if (filledValue(given.link) === null) {
      issues.push({ path: 'header', code: 'required', message: `Add a link to the ${expected} for the header.` });
    } else if (!isHttpUrl(given.link)) {
      issues.push({ path: 'header', code: 'invalid_url', message: `The ${expected} link must be an http:// or https:// URL.` });
    }
  }
  return issues;
}

function validateBody(parsed: ParsedTemplate, parameters: TemplateParameters): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const bodyVariables = parsed.variables.filter((variable) => variable.component === 'body');
  for (const variable of bodyVariables) {
    const value = filledValue(parameters.body?.[variable.key]);
    if (value === null) {
      issues.push({ path: variable.path, code: 'required', message: `Fill in ${variableLabel(variable)} in the message.` });
    } else {
      issues.push(...checkParameterCharacters(variable, value, 'message'));
    }
  }
  for (const key of Object.keys(parameters.body ?? {})) {
    if (!bodyVariables.some((variable) => variable.key === key)) {
      issues.push({ path: `body.${key}`, code: 'unknown_variable', message: `This template’s message has no variable {{${key}}}.` });
    }
  }
  const text = fillPlaceholders(parsed.body, parsed.parameterFormat, (key) => filledValue(parameters.body?.[key]), 'empty');
  const length = countCharacters(text);
  if (length > templateLimits.body) issues.push(tooLong('body', 'The message', templateLimits.body, length));
  return issues;
}

function validateButtons(parsed: ParsedTemplate, parameters: TemplateParameters): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const buttonVariables = parsed.variables.filter((variable) => variable.component === 'button');
  for (const variable of buttonVariables) {
    const index = variable.buttonIndex ?? Number(variable.key);
    const button = parsed.buttons[index];
    const label = buttonLabel(button, index);
    const value = filledValue(parameters.buttons?.[index]);
    if (variable.buttonType === 'COPY_CODE') {
      if (value === null) {
        issues.push({ path: variable.path, code: 'required', message: `Fill in the code for the ${label}.` });
        continue;
      }
      const length = countCharacters(value);
      if (length > templateLimits.copyCode) issues.push(tooLong(variable.path, 'The code', templateLimits.copyCode, length));
      continue;
    }
    if (value === null) {
      issues.push({ path: variable.path, code: 'required', message: `Fill in the end of the link for the ${label}.` });
      continue;
    }
    const url = button?.type === 'URL' ? fillUrl(button.url, value) : value;
    if (!isHttpUrl(url)) {
      issues.push({ path: variable.path, code: 'invalid_url', message: `The link for the ${label} is not a valid URL: ${url}` });
      continue;
    }
    const length = countCharacters(url);
    if (length > templateLimits.buttonUrl) issues.push(tooLong(variable.path, 'The link', templateLimits.buttonUrl, length));
  }
  for (const key of Object.keys(parameters.buttons ?? {})) {
    if (!buttonVariables.some((variable) => variable.key === key)) {
      issues.push({ path: `buttons.${Number(key)}`, code: 'unknown_variable', message: `Button ${Number(key) + 1} of this template has nothing to fill.` });
    }
  }
  return issues;
}

/**
 * Checks parameters against the Cloud API's rules for this template and returns every broken
 * rule (empty when the parameters can be sent): each variable filled; body values without
 * line breaks, tabs or more than four spaces in a row; header ≤ 60, body ≤ 1024 and footer ≤ 60
 * characters once filled; a media header with an http(s) link of the right type; a location
 * with valid coordinates; URL-button suffixes that make a valid URL; codes ≤ 15 characters; no
 * values for variables the template doesn't have. Lengths count graphemes, as a person does.
 *
 * @example
 * validateTemplateParameters(template, { body: { '1': 'Ana' } });
 * // [{ path: 'body.2', code: 'required', message: 'Fill in {{2}} in the message.' }]
 */
export function validateTemplateParameters(template: MessageTemplate, parameters: TemplateParameters): TemplateIssue[] {
  const parsed = parseTemplate(template);
  const issues = [...validateHeader(parsed, parameters), ...validateBody(parsed, parameters)];
  if (parsed.footer !== null) {
    const length = countCharacters(parsed.footer);
    if (length > templateLimits.footer) issues.push(tooLong('footer', 'The footer', templateLimits.footer, length));
  }
  issues.push(...validateButtons(parsed, parameters));
  return issues;
}
