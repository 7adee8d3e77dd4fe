import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/core/template/parseTemplate';
import type { MessageTemplate } from '../../../src/core/types';
import { templates } from '../../../src/testing/fixtures/templates';
import { fixture } from './fixtures';

function bodyOnly(text: string, extra: Partial<MessageTemplate> = {}): MessageTemplate {
  return {
    id: '1',
    name: 'test',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [{ type: 'BODY', text }],
    ...extra,
  };
}

describe('parseTemplate', () => {
  it.each(templates.map((template) => [template.name, template] as const))(
    'reads fixture %s into parts whose variables all have examples',
    (_name, template) => {
      const parsed = parseTemplate(template);
      expect(parsed.body.length).toBeGreaterThan(0);
      const paths = parsed.variables.map((variable) => variable.path);
      expect(new Set(paths).size).toBe(paths.length);
      for (const variable of parsed.variables) expect(variable.example).not.toBeNull();
    },
  );

  it('treats a missing parameter_format as positional and reads the text header, body and footer', () => {
    const parsed = parseTemplate(fixture('order_update'));
    expect(parsed.parameterFormat).toBe('POSITIONAL');
    expect(parsed.header).toEqual({ format: 'TEXT', text: 'Order {{1}} has shipped' });
    expect(parsed.footer).toBe('Reply STOP to unsubscribe');
    expect(parsed.mediaHeader).toBeNull();
    expect(parsed.buttons).toEqual([]);
    expect(parsed.variables).toEqual([
      { path: 'header.1', component: 'header', key: '1', example: '#10423' },
      { path: 'body.1', component: 'body', key: '1', example: 'Maria' },
      { path: 'body.2', component: 'body', key: '2', example: 'DHL Express' },
      { path: 'body.3', component: 'body', key: '3', example: 'Friday, 14 March' },
    ]);
  });

  it('reads named variables with their examples, a repeated one once, and the URL suffix example', () => {
    const parsed = parseTemplate(fixture('seasonal_promo'));
    expect(parsed.parameterFormat).toBe('NAMED');
    expect(parsed.mediaHeader).toBe('image');
    expect(parsed.header).toEqual({
      format: 'IMAGE',
      exampleLink:
        'https://scontent.whatsapp.net/v/t61.29466-34/462519834_1062278459246673_n.jpg?ccb=1-7&_nc_sid=8b1bef',
    });
    expect(parsed.variables).toEqual([
      { path: 'body.first_name', component: 'body', key: 'first_name', example: 'Jessica' },
      { path: 'body.sale_name', component: 'body', key: 'sale_name', example: 'Spring Sale' },
      { path: 'body.discount', component: 'body', key: 'discount', example: '25%' },
      { path: 'body.end_date', component: 'body', key: 'end_date', example: '31 March' },
      {
        path: 'buttons.0',
        component: 'button',
        key: '0',
        buttonIndex: 0,
        buttonType: 'URL',
        example: 'spring-2025?ref=wa',
      },
    ]);
  });

  it('keeps a named header variable apart from a body variable of the same name', () => {
    const paths = parseTemplate(fixture('appointment_reminder')).variables.map((variable) => variable.path);
    expect(paths).toEqual([
      'header.appointment_date',
      'body.first_name',
      'body.agent_name',
      'body.appointment_date',
      'body.appointment_time',
    ]);
  });

  it.each([
    ['product_launch_video', 'video', 'VIDEO'],
    ['invoice_ready', 'document', 'DOCUMENT'],
  ] as const)('reads the %s media header as %s with its example link', (name, mediaHeader, format) => {
    const parsed = parseTemplate(fixture(name));
    expect(parsed.mediaHeader).toBe(mediaHeader);
    expect(parsed.header).toMatchObject({ format, exampleLink: expect.stringMatching(/^https:\/\//) });
  });

  it('reads a location header, which has no example link', () => {
    const parsed = parseTemplate(fixture('pickup_ready'));
    expect(parsed.mediaHeader).toBe('location');
    expect(parsed.header).toEqual({ format: 'LOCATION', exampleLink: null });
  });

  it('reads a copy-code button as a variable with its example code', () => {
    const parsed = parseTemplate(fixture('discount_code'));
    expect(parsed.variables.at(-1)).toEqual({
      path: 'buttons.1',
      component: 'button',
      key: '1',
      buttonIndex: 1,
      buttonType: 'COPY_CODE',
      example: '25OFF',
    });
  });

  it('reads a copy-code example given as an array', () => {
    const parsed = parseTemplate({
      ...bodyOnly('Use the code below'),
      components: [
        { type: 'BODY', text: 'Use the code below' },
        { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: ['SAVE10'] }] },
      ],
    });
    expect(parsed.variables).toEqual([expect.objectContaining({ path: 'buttons.0', example: 'SAVE10' })]);
  });

  it('gives static URL and phone buttons no variables', () => {
    const parsed = parseTemplate(fixture('support_callback'));
    expect(parsed.variables.map((variable) => variable.path)).toEqual(['body.1', 'body.2']);
    expect(parsed.buttons.map((button) => button.type)).toEqual(['PHONE_NUMBER', 'URL']);
  });

  it('keeps a suffix example that does not start with the button URL as it is', () => {
    const parsed = parseTemplate({
      ...bodyOnly('Track it'),
      components: [
        { type: 'BODY', text: 'Track it' },
        {
          type: 'BUTTONS',
          buttons: [{ type: 'URL', text: 'Track', url: 'https://t.example.com/{{1}}', example: ['ABC123'] }],
        },
      ],
    });
    expect(parsed.variables[0]?.example).toBe('ABC123');
  });

  it('orders positional variables by number, whatever order they appear in', () => {
    const parsed = parseTemplate(bodyOnly('Due {{2}} for {{1}}, ref {{3}}'));
    expect(parsed.variables.map((variable) => variable.key)).toEqual(['1', '2', '3']);
  });

  it('counts a positional variable used twice once', () => {
    const parsed = parseTemplate(bodyOnly('{{1}} and again {{1}}, then {{2}}'));
    expect(parsed.variables.map((variable) => variable.key)).toEqual(['1', '2']);
  });

  it('keeps placeholders with inner whitespace or of the other format as literal text', () => {
    expect(parseTemplate(bodyOnly('Hi {{ 1 }} and {{name}}')).variables).toEqual([]);
    expect(parseTemplate(bodyOnly('Hi {{1}} and {{name}}', { parameter_format: 'NAMED' })).variables).toEqual([
      expect.objectContaining({ key: 'name' }),
    ]);
  });

  it('reads a text header without text and a missing body as empty texts with no variables', () => {
    const parsed = parseTemplate({ ...bodyOnly(''), components: [{ type: 'HEADER', format: 'TEXT' }] });
    expect(parsed.header).toEqual({ format: 'TEXT', text: '' });
    expect(parsed.body).toBe('');
    expect(parsed.variables).toEqual([]);
  });

  it('gives a variable without a stored example a null example', () => {
    expect(parseTemplate(bodyOnly('Hi {{1}}')).variables[0]?.example).toBeNull();
  });
});
