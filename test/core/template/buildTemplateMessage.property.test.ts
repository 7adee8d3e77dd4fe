import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReachoutError } from '../../../src/core/errors';
import { buildTemplateMessage } from '../../../src/core/template/buildTemplateMessage';
import { parseTemplate } from '../../../src/core/template/parseTemplate';
import type { MessageTemplate, TemplateMessageComponent, TemplateParameters } from '../../../src/core/types';
import { templates } from '../../../src/testing/fixtures/templates';
import { exampleParameters } from './fixtures';

/** A value the Cloud API accepts in a body: something visible, no line breaks, tabs or 5 spaces. */
const validValue = fc
  .string({ unit: fc.constantFrom('a', 'Z', '9', ' ', ' ', '*', '_', '<', 'é', 'ش', '🎉', '$', ','), minLength: 1, maxLength: 20 })
  .filter((value) => value.trim() !== '' && !/ {5}/.test(value));

const filler = fc.string({ unit: fc.constantFrom('a', ' ', ',', '.', '*', '\n'), maxLength: 6 });

/** A positional body: variables 1..n in a random order of appearance, some repeated. */
const positionalTemplate = fc
  .integer({ min: 1, max: 6 })
  .chain((count) =>
    fc.record({
      count: fc.constant(count),
      order: fc.shuffledSubarray(
        Array.from({ length: count }, (_, index) => index + 1),
        { minLength: count, maxLength: count },
      ),
      repeats: fc.array(fc.integer({ min: 1, max: count }), { maxLength: 3 }),
      fillers: fc.array(filler, { minLength: count + 4, maxLength: count + 4 }),
    }),
  )
  .map(({ count, order, repeats, fillers }) => {
    const numbers = [...order, ...repeats];
    const text = numbers.map((number, index) => `${fillers[index] ?? ''}{{${number}}}`).join('') + (fillers.at(-1) ?? '');
    const template: MessageTemplate = {
      id: '1',
      name: 'generated',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [{ type: 'BODY', text }],
    };
    return { template, count };
  });

const namedTemplate = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: 1, maxLength: 5 })
  .chain((names) => fc.record({ names: fc.constant(names), fillers: fc.array(filler, { minLength: names.length, maxLength: names.length }) }))
  .map(({ names, fillers }) => {
    const text = names.map((name, index) => `${fillers[index] ?? ''}{{${name}}}`).join(' ');
    const template: MessageTemplate = {
      id: '2',
      name: 'generated_named',
      language: 'en_US',
      status: 'APPROVED',
      category: 'MARKETING',
      parameter_format: 'NAMED',
      components: [{ type: 'BODY', text }],
    };
    return { template, names };
  });

function bodyParameters(components: TemplateMessageComponent[] | undefined) {
  return components?.find((component) => component.type === 'body')?.parameters ?? [];
}

describe('buildTemplateMessage properties', () => {
  it('sends positional body values in number order, once each', () => {
    fc.assert(
      fc.property(
        positionalTemplate.chain(({ template, count }) =>
          fc.record({ template: fc.constant(template), values: fc.array(validValue, { minLength: count, maxLength: count }) }),
        ),
        ({ template, values }) => {
          const body = Object.fromEntries(values.map((value, index) => [String(index + 1), value]));
          const payload = buildTemplateMessage({ to: '+15550000000', template, parameters: { body } });
          expect(bodyParameters(payload.template.components)).toEqual(values.map((text) => ({ type: 'text', text })));
        },
      ),
    );
  });

  it('sends named body values in the template’s order with their names', () => {
    fc.assert(
      fc.property(
        namedTemplate.chain(({ template, names }) =>
          fc.record({
            template: fc.constant(template),
            names: fc.constant(names),
            values: fc.array(validValue, { minLength: names.length, maxLength: names.length }),
          }),
        ),
        ({ template, names, values }) => {
          // Given in reverse, so the order can only come from the template.
          const body = Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']).reverse());
          const payload = buildTemplateMessage({ to: '+15550000000', template, parameters: { body } });
          expect(bodyParameters(payload.template.components)).toEqual(
            names.map((name, index) => ({ type: 'text', parameter_name: name, text: values[index] })),
          );
        },
      ),
    );
  });

  it('never emits a parameter for a missing variable: it refuses with each missing path', () => {
    fc.assert(
      fc.property(
        positionalTemplate.chain(({ template, count }) =>
          fc.record({
            template: fc.constant(template),
            present: fc.array(fc.boolean(), { minLength: count, maxLength: count }).filter((flags) => flags.includes(false)),
            value: validValue,
          }),
        ),
        ({ template, present, value }) => {
          const body = Object.fromEntries(
            present.flatMap((isPresent, index) => (isPresent ? [[String(index + 1), value] as const] : [])),
          );
          let caught: unknown = null;
          try {
            buildTemplateMessage({ to: '+15550000000', template, parameters: { body } });
          } catch (error) {
            caught = error;
          }
          expect(isReachoutError(caught) && caught.code === 'VALIDATION').toBe(true);
          const missing = present.flatMap((isPresent, index) => (isPresent ? [] : [`body.${index + 1}`]));
          expect(Object.keys(isReachoutError(caught) ? (caught.fieldErrors ?? {}) : {}).sort()).toEqual(missing.sort());
        },
      ),
    );
  });

  it('round-trips with parseTemplate: one parameter per parsed variable, holding its value', () => {
    const sendable = templates.filter((template) => parseTemplate(template).variables.length > 0);
    const templateWithValues = fc.constantFrom(...sendable).chain((template) =>
      fc.record({
        template: fc.constant(template),
        values: fc.array(validValue.filter((value) => [...value].length <= 15), {
          minLength: parseTemplate(template).variables.length,
          maxLength: parseTemplate(template).variables.length,
        }),
      }),
    );
    fc.assert(
      fc.property(templateWithValues, ({ template, values }) => {
        const { variables } = parseTemplate(template);
        const parameters: TemplateParameters = { header: exampleParameters(template).header };
        variables.forEach((variable, index) => {
          const value = variable.buttonType === 'URL' ? encodeURIComponent(values[index] ?? '') : (values[index] ?? '');
          if (variable.component === 'header') parameters.header = { type: 'text', text: value };
          if (variable.component === 'body') parameters.body = { ...parameters.body, [variable.key]: value };
          if (variable.component === 'button') parameters.buttons = { ...parameters.buttons, [Number(variable.key)]: value };
        });
        const components = buildTemplateMessage({ to: '+15550000000', template, parameters }).template.components ?? [];
        const sent = components.flatMap((component) =>
          component.parameters.flatMap((parameter) => {
            if (parameter.type === 'text') return [parameter.text];
            if (parameter.type === 'coupon_code') return [parameter.coupon_code];
            return [];
          }),
        );
        const expected = variables.map((variable, index) =>
          variable.buttonType === 'URL' ? encodeURIComponent(values[index] ?? '') : values[index],
        );
        expect(sent).toEqual(expected);
      }),
    );
  });
});
