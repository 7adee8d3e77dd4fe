import { describe, expect, it } from 'vitest';
import { ReachoutError } from '../../../src/core/errors';
import { buildTemplateMessage } from '../../../src/core/template/buildTemplateMessage';
import type { MessageTemplate } from '../../../src/core/types';
import { templates } from '../../../src/testing/fixtures/templates';
import { exampleParameters, fixture } from './fixtures';

const to = '+5511987654321';
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'template' } as const;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

describe('buildTemplateMessage', () => {
  it.each(templates.map((template) => [template.name, template] as const))(
    'builds fixture %s from its examples, naming the template and language',
    (_name, template) => {
      const payload = buildTemplateMessage({ to, template, parameters: exampleParameters(template) });
      expect(payload).toMatchObject({ ...envelope, template: { name: template.name, language: { code: template.language } } });
    },
  );

  it('builds a positional template with a text header', () => {
    expect(
      buildTemplateMessage({
        to,
        template: fixture('order_update'),
        parameters: { header: { type: 'text', text: '#10423' }, body: { '3': 'Friday', '1': 'Maria', '2': 'DHL Express' } },
      }),
    ).toEqual({
      ...envelope,
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: '#10423' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Maria' },
              { type: 'text', text: 'DHL Express' },
              { type: 'text', text: 'Friday' },
            ],
          },
        ],
      },
    });
  });

  it('builds a named template with an image header and a URL suffix, each variable once', () => {
    expect(
      buildTemplateMessage({
        to,
        template: fixture('seasonal_promo'),
        parameters: {
          header: { type: 'image', link: 'https://cdn.example.com/spring.jpg' },
          body: { end_date: '31 March', discount: '25%', sale_name: 'Spring Sale', first_name: 'Jessica' },
          buttons: { 0: 'spring-2025?ref=wa' },
        },
      }),
    ).toEqual({
      ...envelope,
      template: {
        name: 'seasonal_promo',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/spring.jpg' } }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', parameter_name: 'first_name', text: 'Jessica' },
              { type: 'text', parameter_name: 'sale_name', text: 'Spring Sale' },
              { type: 'text', parameter_name: 'discount', text: '25%' },
              { type: 'text', parameter_name: 'end_date', text: '31 March' },
            ],
          },
          { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'spring-2025?ref=wa' }] },
        ],
      },
    });
  });

  it('names a named header parameter too', () => {
    const payload = buildTemplateMessage({
      to,
      template: fixture('appointment_reminder'),
      parameters: {
        header: { type: 'text', text: '12 May' },
        body: { first_name: 'Tom', agent_name: 'Priya', appointment_date: '12 May', appointment_time: '10:30' },
      },
    });
    expect(payload.template.components?.[0]).toEqual({
      type: 'header',
      parameters: [{ type: 'text', parameter_name: 'appointment_date', text: '12 May' }],
    });
  });

  it('builds a video header', () => {
    const payload = buildTemplateMessage({
      to,
      template: fixture('product_launch_video'),
      parameters: { header: { type: 'video', link: 'https://cdn.example.com/launch.mp4' }, body: { '1': 'Aero X2', '2': '3 June' } },
    });
    expect(payload.template.components).toEqual([
      { type: 'header', parameters: [{ type: 'video', video: { link: 'https://cdn.example.com/launch.mp4' } }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Aero X2' }, { type: 'text', text: '3 June' }] },
    ]);
  });

  it('builds a document header with and without a filename', () => {
    const body = { '1': 'Oliver', '2': 'INV-42', '3': '£129.00', '4': '30 April' };
    const build = (header: { type: 'document'; link: string; filename?: string }) =>
      buildTemplateMessage({ to, template: fixture('invoice_ready'), parameters: { header, body } }).template.components?.[0];
    expect(build({ type: 'document', link: 'https://cdn.example.com/inv.pdf', filename: 'INV-42.pdf' })).toEqual({
      type: 'header',
      parameters: [{ type: 'document', document: { link: 'https://cdn.example.com/inv.pdf', filename: 'INV-42.pdf' } }],
    });
    expect(build({ type: 'document', link: 'https://cdn.example.com/inv.pdf' })).toEqual({
      type: 'header',
      parameters: [{ type: 'document', document: { link: 'https://cdn.example.com/inv.pdf' } }],
    });
  });

  it('builds a location header, with name and address only when given', () => {
    const build = (header: { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }) =>
      buildTemplateMessage({ to, template: fixture('pickup_ready'), parameters: { header, body: { '1': '#1', '2': 'PK' } } })
        .template.components?.[0];
    expect(build({ type: 'location', latitude: 40.7411, longitude: -73.9897, name: 'Flatiron', address: '172 5th Ave' })).toEqual({
      type: 'header',
      parameters: [
        { type: 'location', location: { latitude: 40.7411, longitude: -73.9897, name: 'Flatiron', address: '172 5th Ave' } },
      ],
    });
    expect(build({ type: 'location', latitude: 1, longitude: 2 })).toStrictEqual({
      type: 'header',
      parameters: [{ type: 'location', location: { latitude: 1, longitude: 2 } }],
    });
  });

  it('builds a copy-code button with its index as a string', () => {
    expect(
      buildTemplateMessage({ to, template: fixture('discount_code'), parameters: { body: { '1': '25OFF', '2': '25%' }, buttons: { 1: 'FALL25' } } }),
    ).toEqual({
      ...envelope,
      template: {
        name: 'discount_code',
        language: { code: 'en_US' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: '25OFF' }, { type: 'text', text: '25%' }] },
          { type: 'button', sub_type: 'copy_code', index: '1', parameters: [{ type: 'coupon_code', coupon_code: 'FALL25' }] },
        ],
      },
    });
  });

  it('leaves out components entirely when there is nothing to fill', () => {
    const hello: MessageTemplate = {
      id: '1',
      name: 'hello_world',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
        { type: 'BODY', text: 'Welcome and congratulations!!' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Thanks' }] },
      ],
    };
    const payload = buildTemplateMessage({ to, template: hello, parameters: {} });
    expect(payload).toEqual({ ...envelope, template: { name: 'hello_world', language: { code: 'en_US' } } });
    expect('components' in payload.template).toBe(false);
  });

  it('sends no component for static buttons and headers', () => {
    const payload = buildTemplateMessage({ to, template: fixture('support_callback'), parameters: { body: { '1': 'Sam', '2': 'T-5521' } } });
    expect(payload.template.components?.map((component) => component.type)).toEqual(['body']);
  });

  it('throws VALIDATION with field errors by path instead of building an invalid payload', () => {
    const error = thrown(() =>
      buildTemplateMessage({ to, template: fixture('seasonal_promo'), parameters: { body: { first_name: 'A\nB' }, buttons: { 2: 'x' } } }),
    );
    expect(error).toBeInstanceOf(ReachoutError);
    expect(error).toMatchObject({ code: 'VALIDATION', message: '7 template parameters are invalid.' });
    expect((error as ReachoutError).fieldErrors).toEqual({
      header: expect.stringContaining('image'),
      'body.first_name': expect.stringContaining('line breaks'),
      'body.sale_name': 'Fill in {{sale_name}} in the message.',
      'body.discount': 'Fill in {{discount}} in the message.',
      'body.end_date': 'Fill in {{end_date}} in the message.',
      'buttons.0': expect.stringContaining('Shop now'),
      'buttons.2': expect.any(String),
    });
  });

  it('uses the one issue as the error message when there is just one', () => {
    const error = thrown(() => buildTemplateMessage({ to, template: fixture('winter_newsletter'), parameters: {} }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'Fill in {{1}} in the message.', fieldErrors: { 'body.1': 'Fill in {{1}} in the message.' } });
  });
});

describe('buildTemplateMessage with ten or more variables', () => {
  const keys = Array.from({ length: 11 }, (_, index) => String(index + 1));
  const manyVariables: MessageTemplate = {
    id: '77',
    name: 'many_variables',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [
      // Written out of order: the Cloud API takes positional parameters by number.
      { type: 'BODY', text: `Items: {{10}}, {{11}}, ${keys.slice(0, 9).map((key) => `{{${key}}}`).join(', ')}.` },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Open', url: 'https://shop.example.com/{{10}}' }] },
    ],
  };
  const body = Object.fromEntries(keys.map((key) => [key, `value ${key}`]));

  it('sends {{10}} and {{11}} after {{9}}, each with its own value', () => {
    const payload = buildTemplateMessage({ to, template: manyVariables, parameters: { body, buttons: { 0: 'x' } } });
    expect(payload.template.components?.[0]).toEqual({
      type: 'body',
      parameters: keys.map((key) => ({ type: 'text', text: `value ${key}` })),
    });
  });

  it('fills a URL button whose placeholder has two digits', () => {
    const payload = buildTemplateMessage({ to, template: manyVariables, parameters: { body, buttons: { 0: 'sale' } } });
    expect(payload.template.components?.[1]).toEqual({
      type: 'button',
      sub_type: 'url',
      index: '0',
      parameters: [{ type: 'text', text: 'sale' }],
    });
  });

  it('refuses the message while {{10}} is unfilled', () => {
    const { '10': _unfilled, ...withoutTen } = body;
    expect(thrown(() => buildTemplateMessage({ to, template: manyVariables, parameters: { body: withoutTen, buttons: { 0: 'x' } } }))).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { 'body.10': 'Fill in {{10}} in the message.' },
    });
  });
});
