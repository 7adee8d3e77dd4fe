import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/core/template/parseTemplate';
import { renderTemplate } from '../../../src/core/template/renderTemplate';
import type { FormattedNode } from '../../../src/core/template/types';
import type { MessageTemplate, TemplateParameters } from '../../../src/core/types';
import { templates } from '../../../src/testing/fixtures/templates';
import { exampleParameters, fixture } from './fixtures';

const text = (value: string) => ({ type: 'text', text: value }) as const;

function plain(nodes: readonly FormattedNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'monospace':
          return node.text;
        case 'variable':
          return node.value ?? `{{${node.key}}}`;
        case 'linebreak':
          return '\n';
        default:
          return plain(node.children);
      }
    })
    .join('');
}

describe('renderTemplate', () => {
  it.each(templates.map((template) => [template.name, template] as const))(
    'renders fixture %s completely from its examples, and incompletely when empty',
    (_name, template) => {
      const filled = renderTemplate(template, exampleParameters(template));
      expect(filled.complete).toBe(true);
      expect(filled.bodyText).not.toMatch(/\{\{[a-z0-9_]+\}\}/);
      expect(filled.body.length).toBeGreaterThan(0);
      const { variables, mediaHeader } = parseTemplate(template);
      expect(renderTemplate(template, {}).complete).toBe(variables.length === 0 && mediaHeader === null);
    },
  );

  it('renders a positional template with atomic variables, null while unfilled', () => {
    const rendered = renderTemplate(fixture('order_update'), { body: { '1': 'Ana', '3': 'Friday' } });
    expect(rendered.header).toEqual({
      type: 'text',
      content: [text('Order '), { type: 'variable', path: 'header.1', key: '1', value: null }, text(' has shipped')],
    });
    expect(rendered.body).toEqual([
      text('Hi '),
      { type: 'variable', path: 'body.1', key: '1', value: 'Ana' },
      text(', good news: your order is on its way with '),
      { type: 'variable', path: 'body.2', key: '2', value: null },
      text('. Expected delivery: '),
      { type: 'variable', path: 'body.3', key: '3', value: 'Friday' },
      text('.'),
    ]);
    expect(rendered.footer).toEqual([text('Reply STOP to unsubscribe')]);
    expect(rendered.bodyText).toBe('Hi Ana, good news: your order is on its way with {{2}}. Expected delivery: Friday.');
    expect(rendered.complete).toBe(false);
  });

  it('applies the template’s formatting around variables and breaks lines', () => {
    const rendered = renderTemplate(fixture('plan_renewal'), { body: { '1': 'Pro', '2': '1 July' } });
    expect(rendered.body).toEqual([
      { type: 'bold', children: [text('Important:')] },
      text(' your '),
      { type: 'italic', children: [{ type: 'variable', path: 'body.1', key: '1', value: 'Pro' }] },
      text(' plan renews on '),
      { type: 'bold', children: [{ type: 'variable', path: 'body.2', key: '2', value: '1 July' }] },
      text('.'),
      { type: 'linebreak' },
      { type: 'strikethrough', children: [text('Old price: $19/month')] },
      text(' New price: '),
      { type: 'monospace', text: '$15/month' },
      { type: 'linebreak' },
      text('Questions? Just reply to this message.'),
    ]);
    expect(rendered.bodyText).toBe(
      '*Important:* your _Pro_ plan renews on *1 July*.\n~Old price: $19/month~ New price: ```$15/month```\nQuestions? Just reply to this message.',
    );
  });

  it('shows markup in a value as typed', () => {
    const value = '<b>*Ana*</b> _x_';
    const rendered = renderTemplate(fixture('order_update'), { body: { '1': value } });
    expect(rendered.body[1]).toEqual({ type: 'variable', path: 'body.1', key: '1', value });
    expect(plain(rendered.body)).toContain(value);
  });

  it('renders named variables, the image header and every button', () => {
    const rendered = renderTemplate(fixture('seasonal_promo'), {
      header: { type: 'image', link: 'https://cdn.example.com/spring.jpg' },
      body: { first_name: 'Jessica', sale_name: 'Spring Sale', discount: '25%', end_date: '31 March' },
      buttons: { 0: 'spring-2025' },
    });
    expect(rendered.header).toEqual({ type: 'image', link: 'https://cdn.example.com/spring.jpg' });
    expect(rendered.bodyText).toBe('Hi Jessica! Our Spring Sale is on: save 25% on everything until 31 March. See you soon, Jessica!');
    expect(rendered.body.filter((node) => node.type === 'variable').map((node) => node.path)).toEqual([
      'body.first_name',
      'body.sale_name',
      'body.discount',
      'body.end_date',
      'body.first_name',
    ]);
    expect(rendered.buttons).toEqual([
      { type: 'URL', text: 'Shop now', url: 'https://shop.example.com/sale/spring-2025' },
      { type: 'QUICK_REPLY', text: 'Remind me later' },
      { type: 'QUICK_REPLY', text: 'Stop promotions' },
    ]);
    expect(rendered.complete).toBe(true);
  });

  it('keeps the URL placeholder and leaves the media link empty while unfilled', () => {
    const rendered = renderTemplate(fixture('seasonal_promo'), {});
    expect(rendered.header).toEqual({ type: 'image', link: null });
    expect(rendered.buttons[0]).toEqual({ type: 'URL', text: 'Shop now', url: 'https://shop.example.com/sale/{{1}}' });
    expect(rendered.complete).toBe(false);
  });

  it('ignores media of the wrong type for the header', () => {
    const rendered = renderTemplate(fixture('product_launch_video'), { header: { type: 'image', link: 'https://cdn.example.com/a.jpg' } });
    expect(rendered.header).toEqual({ type: 'video', link: null });
  });

  it('renders a document header with its filename', () => {
    const rendered = renderTemplate(fixture('invoice_ready'), {
      header: { type: 'document', link: 'https://cdn.example.com/inv.pdf', filename: 'INV-42.pdf' },
    });
    expect(rendered.header).toEqual({ type: 'document', link: 'https://cdn.example.com/inv.pdf', filename: 'INV-42.pdf' });
  });

  it('shows no filename under an image header when a document was given for it', () => {
    const rendered = renderTemplate(fixture('seasonal_promo'), {
      header: { type: 'document', link: 'https://cdn.example.com/inv.pdf', filename: 'INV-42.pdf' },
    });
    expect(rendered.header).toEqual({ type: 'image', link: null });
  });

  it('calls a location header incomplete while an untyped caller has given only one coordinate', () => {
    const pickup = fixture('pickup_ready');
    const full = exampleParameters(pickup);
    // A JavaScript host's half-filled form: the types say number, the runtime value is null.
    const halfLocation = (latitude: number | null, longitude: number | null) =>
      ({ ...full, header: { type: 'location', latitude, longitude } }) as unknown as TemplateParameters;
    expect(renderTemplate(pickup, halfLocation(40.74, -73.99)).complete).toBe(true);
    expect(renderTemplate(pickup, halfLocation(null, -73.99)).complete).toBe(false);
    expect(renderTemplate(pickup, halfLocation(40.74, null)).complete).toBe(false);
  });

  it('renders a location header, empty until given', () => {
    const pickup = fixture('pickup_ready');
    expect(renderTemplate(pickup, {}).header).toEqual({ type: 'location', latitude: null, longitude: null });
    const location = { type: 'location', latitude: 40.74, longitude: -73.99, name: 'Flatiron', address: '5th Ave' } as const;
    expect(renderTemplate(pickup, { header: location }).header).toEqual({
      type: 'location',
      latitude: 40.74,
      longitude: -73.99,
      name: 'Flatiron',
      address: '5th Ave',
    });
  });

  it('marks a variable inside a monospace span', () => {
    const rendered = renderTemplate(fixture('pickup_ready'), { body: { '2': 'PK-4471' } });
    expect(rendered.body.at(-1)).toEqual({ type: 'variable', path: 'body.2', key: '2', value: 'PK-4471', monospace: true });
  });

  it('renders phone, static URL and copy-code buttons', () => {
    expect(renderTemplate(fixture('support_callback'), {}).buttons).toEqual([
      { type: 'PHONE_NUMBER', text: 'Call support', phoneNumber: '+15550123456' },
      { type: 'URL', text: 'Help centre', url: 'https://help.example.com/contact' },
    ]);
    expect(renderTemplate(fixture('discount_code'), { buttons: { 1: 'FALL25' } }).buttons).toEqual([
      { type: 'QUICK_REPLY', text: 'Unsubscribe from Promos' },
      { type: 'COPY_CODE', text: 'Copy offer code', code: 'FALL25' },
    ]);
    expect(renderTemplate(fixture('discount_code'), {}).buttons[1]).toMatchObject({ code: null });
  });

  it('renders Arabic text as given, leaving direction to the renderer', () => {
    const rendered = renderTemplate(fixture('order_status_ar'), { body: { '1': 'أحمد', '2': '7731', '3': '3' } });
    expect(rendered.bodyText).toBe('مرحبًا أحمد، تم شحن طلبك رقم 7731 وسيصل خلال 3 أيام عمل.');
    expect(rendered.header).toEqual({ type: 'text', content: [text('تحديث الطلب')] });
  });

  it('treats a whitespace-only value as unfilled', () => {
    const rendered = renderTemplate(fixture('order_update'), { body: { '1': '  ' } });
    expect(rendered.body[1]).toMatchObject({ value: null });
    expect(rendered.bodyText.startsWith('Hi {{1}},')).toBe(true);
  });

  it.each(templates.map((template) => [template.name, template] as const))(
    'calls fixture %s incomplete while any one header, body or button value is missing',
    (_name, template) => {
      const full = exampleParameters(template);
      const withOneMissing: TemplateParameters[] = [];
      if (full.header !== undefined) withOneMissing.push({ ...full, header: undefined });
      for (const key of Object.keys(full.body ?? {})) {
        const { [key]: _missing, ...body } = full.body ?? {};
        withOneMissing.push({ ...full, body });
      }
      for (const key of Object.keys(full.buttons ?? {})) {
        const { [Number(key)]: _missing, ...buttons } = full.buttons ?? {};
        withOneMissing.push({ ...full, buttons });
      }
      for (const parameters of withOneMissing) expect(renderTemplate(template, parameters).complete).toBe(false);
    },
  );

  it('calls a media header incomplete until it has a link', () => {
    const promo = fixture('seasonal_promo');
    const full = exampleParameters(promo);
    expect(renderTemplate(promo, { ...full, header: { type: 'image', link: '  ' } }).complete).toBe(false);
    expect(renderTemplate(promo, { ...full, header: { type: 'video', link: 'https://cdn.example.com/a.mp4' } }).complete).toBe(false);
  });

  it('labels copy-code and one-time-password buttons Meta’s way when the template leaves the text out', () => {
    const codes: MessageTemplate = {
      id: '9',
      name: 'codes',
      language: 'en_US',
      status: 'APPROVED',
      category: 'AUTHENTICATION',
      components: [
        { type: 'BODY', text: 'Your code' },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE' }, { type: 'COPY_CODE' }, { type: 'OTP', text: 'Copy it' }] },
      ],
    };
    expect(renderTemplate(codes, { buttons: { 1: 'C0DE' } }).buttons).toEqual([
      { type: 'OTP', text: 'Copy code' },
      { type: 'COPY_CODE', text: 'Copy offer code', code: 'C0DE' },
      { type: 'OTP', text: 'Copy it' },
    ]);
  });
});
