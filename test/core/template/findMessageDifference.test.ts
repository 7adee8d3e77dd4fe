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

  it('shows a value of 80 characters in full and shortens one of 81 to 80', () => {
    const atLimit = 'x'.repeat(78); // 80 characters as JSON, with its quotes
    expect(findMessageDifference(built, { ...built, type: atLimit })?.received).toBe(JSON.stringify(atLimit));
    expect(findMessageDifference(built, { ...built, type: `${atLimit}y` })?.received).toBe(`"${'x'.repeat(78)}…`);
  });

  it('shows the whole built payload, shortened, when what arrived is not an object', () => {
    expect(findMessageDifference(built, null)).toEqual({
      path: 'message',
      expected: `${JSON.stringify(built).slice(0, 79)}…`,
      received: 'null',
    });
    expect(findMessageDifference(built, [built])?.path).toBe('message');
  });

  it('takes a number sent as a JSON number, or missing, for a different one', () => {
    expect(findMessageDifference(built, { ...built, to: 5511987654321 })).toEqual({
      path: 'message.to',
      expected: '"+5511987654321"',
      received: '5511987654321',
    });
    const { to: _to, ...withoutTo } = built;
    expect(findMessageDifference(built, withoutTo)).toEqual({ path: 'message.to', expected: '"+5511987654321"', received: undefined });
  });

  it('reports an object where the built payload has a list, and a list where it has an object', () => {
    expect(findMessageDifference(built, { ...built, template: { ...built.template, components: { 0: built.template.components![0] } } })?.path).toBe(
      'message.template.components',
    );
    expect(findMessageDifference(built, { ...built, template: [built.template] })?.path).toBe('message.template');
  });

  it('reports a differing field of the built payload before a field only the received one has', () => {
    expect(findMessageDifference(built, { extra: true, ...built, type: 'text' })?.path).toBe('message.type');
  });
});
