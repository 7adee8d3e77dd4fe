import type { MessageTemplate, TemplateParameters } from '../../../src/core/types';
import { parseTemplate } from '../../../src/core/template/parseTemplate';
import { templatesByName } from '../../../src/testing/fixtures/templates';

/** A fixture template by name; fails loudly when a test names one that doesn't exist. */
export function fixture(name: string): MessageTemplate {
  const template = templatesByName[name];
  if (template === undefined) throw new Error(`No fixture template named ${name}`);
  return template;
}

/** Parameters filled from the examples Meta stores with the template (and a place for locations). */
export function exampleParameters(template: MessageTemplate): TemplateParameters {
  const parsed = parseTemplate(template);
  const parameters: TemplateParameters = {};
  for (const variable of parsed.variables) {
    const example = variable.example ?? `example ${variable.key}`;
    if (variable.component === 'header') parameters.header = { type: 'text', text: example };
    if (variable.component === 'body') parameters.body = { ...parameters.body, [variable.key]: example };
    if (variable.component === 'button') parameters.buttons = { ...parameters.buttons, [Number(variable.key)]: example };
  }
  if (parsed.mediaHeader === 'location') {
    parameters.header = { type: 'location', latitude: 40.7411, longitude: -73.9897, name: 'Flatiron Store' };
  } else if (parsed.mediaHeader !== null && parsed.header !== null && 'exampleLink' in parsed.header) {
    parameters.header = { type: parsed.mediaHeader, link: parsed.header.exampleLink ?? 'https://cdn.example.com/header' };
  }
  return parameters;
}
