import { describe, expect, it } from 'vitest';
import { buildTemplateMessage, findMessageDifference } from '../../../src/core/template';
import type { MessageTemplate } from '../../../src/core/types';

const template: MessageTemplate = {
  id: 'order-update',
  name: 'order_update',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.' }],
};
const built = buildTemplateMessage({ to: '+5511987654321', template, parameters: { body: { '1': 'Ana', '2': '#42' } } });

describe('findMessageDifference', () => {
  it('finds no difference in a copy of the built payload, nor in a number written without + or with spaces', () => {
    expect(findMessageDifference(built, structuredClone(built))).toBeNull();
    expect(findMessageDifference(built, { ...built, to: '5511987654321' })).toBeNull();
    expect(findMessageDifference(built, { ...built, to: '+55 11 98765-4321' })).toBeNull();
  });

  it('names the first differing path with both values', () => {
    const tampered = structuredClone(built);
    tampered.template.components![0]!.parameters[1] = { type: 'text', text: '#43' };
    expect(findMessageDifference(built, tampered)).toEqual({
      path: 'message.template.components[0].parameters[1].text',
      expected: '"#42"',
      received: '"#43"',
    });
    expect(findMessageDifference(built, { ...built, to: '+5511987654320' })?.path).toBe('message.to');
  });

  it('reports a field missing from, or added to, the built payload', () => {
    const { recipient_type: _dropped, ...withoutRecipientType } = built;
    expect(findMessageDifference(built, withoutRecipientType)).toEqual({
      path: 'message.recipient_type',
      expected: '"individual"',
      received: undefined,
    });
    expect(findMessageDifference(built, { ...built, template: { ...built.template, namespace: 'x' } })).toEqual({
      path: 'message.template.namespace',
      expected: undefined,
      received: '"x"',
    });
    expect(findMessageDifference(built, { ...built, template: { ...built.template, components: [] } })?.path).toBe(
      'message.template.components[0]',
    );
  });

  it('refuses something that is not an object, and shortens long values', () => {
    expect(findMessageDifference(built, 'hello')?.path).toBe('message');
    const long = 'x'.repeat(500);
    const difference = findMessageDifference(built, { ...built, type: long });
    expect(difference?.received?.length).toBe(80);
    expect(difference?.received?.endsWith('…')).toBe(true);
  });
});
