import { describe, expect, it } from 'vitest';
import { validateTemplateParameters } from '../../../src/core/template/validateTemplateParameters';
import type { MessageTemplate, TemplateComponent, TemplateParameters } from '../../../src/core/types';
import { templates } from '../../../src/testing/fixtures/templates';
import { exampleParameters, fixture } from './fixtures';

function template(components: TemplateComponent[], parameterFormat?: 'NAMED'): MessageTemplate {
  return {
    id: '42',
    name: 'custom',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    ...(parameterFormat === undefined ? {} : { parameter_format: parameterFormat }),
    components,
  };
}

const orderUpdate = fixture('order_update');
const orderValues = { header: { type: 'text', text: '#1' }, body: { '1': 'Ana', '2': 'DHL', '3': 'Friday' } } as const;

function codes(target: MessageTemplate, parameters: TemplateParameters) {
  return validateTemplateParameters(target, parameters).map(({ path, code }) => ({ path, code }));
}

describe('validateTemplateParameters', () => {
  it.each(templates.map((each) => [each.name, each] as const))('accepts the example values of fixture %s', (_name, each) => {
    expect(validateTemplateParameters(each, exampleParameters(each))).toEqual([]);
  });

  describe('required', () => {
    it('reports every unfilled variable by its path', () => {
      expect(codes(orderUpdate, { body: { '2': 'DHL' } })).toEqual([
        { path: 'header.1', code: 'required' },
        { path: 'body.1', code: 'required' },
        { path: 'body.3', code: 'required' },
      ]);
    });

    it('counts empty and whitespace-only values as unfilled', () => {
      expect(codes(orderUpdate, { ...orderValues, body: { '1': '', '2': '   ', '3': 'Friday' } })).toEqual([
        { path: 'body.1', code: 'required' },
        { path: 'body.2', code: 'required' },
      ]);
    });

    it('asks for the media of a media header, and its link', () => {
      const promo = fixture('seasonal_promo');
      const filled = exampleParameters(promo);
      expect(codes(promo, { ...filled, header: undefined })).toEqual([{ path: 'header', code: 'required' }]);
      expect(codes(promo, { ...filled, header: { type: 'image', link: ' ' } })).toEqual([{ path: 'header', code: 'required' }]);
    });

    it('asks for a URL suffix and a copy code', () => {
      expect(codes(fixture('seasonal_promo'), { ...exampleParameters(fixture('seasonal_promo')), buttons: {} })).toEqual([
        { path: 'buttons.0', code: 'required' },
      ]);
      expect(codes(fixture('discount_code'), { body: { '1': 'A', '2': 'B' } })).toEqual([{ path: 'buttons.1', code: 'required' }]);
    });

    it('names the variable in plain English', () => {
      expect(validateTemplateParameters(orderUpdate, { ...orderValues, body: { '1': 'Ana', '2': 'DHL' } })).toEqual([
        { path: 'body.3', code: 'required', message: 'Fill in {{3}} in the message.' },
      ]);
    });
  });

  describe('invalid_characters', () => {
    it.each([
      ['a newline', 'line one\nline two'],
      ['a carriage return', 'one\rtwo'],
      ['a tab', 'one\ttwo'],
      ['five spaces in a row', 'one     two'],
    ])('rejects a body value with %s', (_what, value) => {
      expect(codes(orderUpdate, { ...orderValues, body: { ...orderValues.body, '2': value } })).toEqual([
        { path: 'body.2', code: 'invalid_characters' },
      ]);
    });

    it('accepts four spaces in a row, and single spaces', () => {
      expect(codes(orderUpdate, { ...orderValues, body: { ...orderValues.body, '2': 'one    two three' } })).toEqual([]);
    });

    it('rejects a header value with a newline', () => {
      expect(codes(orderUpdate, { ...orderValues, header: { type: 'text', text: '#1\n#2' } })).toEqual([
        { path: 'header.1', code: 'invalid_characters' },
      ]);
    });
  });

  describe('too_long', () => {
    // 'Order {{1}} has shipped' is 18 characters without its value.
    it('accepts a header of exactly 60 characters once filled and rejects 61', () => {
      expect(codes(orderUpdate, { ...orderValues, header: { type: 'text', text: 'x'.repeat(42) } })).toEqual([]);
      expect(validateTemplateParameters(orderUpdate, { ...orderValues, header: { type: 'text', text: 'x'.repeat(43) } })).toEqual([
        expect.objectContaining({ path: 'header', code: 'too_long', limit: 60, length: 61 }),
      ]);
    });

    it('counts every UTF-16 unit of an emoji or a combining mark, as countCharacters does', () => {
      // The header is 18 units around its variable.
      const atLimit = `${'a'.repeat(30)}👨‍👩‍👧👍🏽`;
      expect(codes(orderUpdate, { ...orderValues, header: { type: 'text', text: atLimit } })).toEqual([]);
      expect(validateTemplateParameters(orderUpdate, { ...orderValues, header: { type: 'text', text: `${atLimit.slice(2)}e\u0301e` } })).toEqual([
        expect.objectContaining({ code: 'too_long', limit: 60, length: 61 }),
      ]);
    });

    const note = template([{ type: 'BODY', text: 'Note: {{1}}' }]);
    it('accepts a body of exactly 1024 characters once filled and rejects 1025', () => {
      expect(codes(note, { body: { '1': 'y'.repeat(1018) } })).toEqual([]);
      expect(validateTemplateParameters(note, { body: { '1': 'y'.repeat(1019) } })).toEqual([
        expect.objectContaining({ path: 'body', code: 'too_long', limit: 1024, length: 1025 }),
      ]);
    });

    it('counts the body template text even while variables are unfilled', () => {
      const long = template([{ type: 'BODY', text: `${'z'.repeat(1025)} {{1}}` }]);
      expect(codes(long, {})).toEqual([
        { path: 'body.1', code: 'required' },
        { path: 'body', code: 'too_long' },
      ]);
    });

    it('accepts a footer of 60 characters and rejects 61', () => {
      const withFooter = (footer: string) => template([{ type: 'BODY', text: 'Hi' }, { type: 'FOOTER', text: footer }]);
      expect(codes(withFooter('f'.repeat(60)), {})).toEqual([]);
      expect(validateTemplateParameters(withFooter('f'.repeat(61)), {})).toEqual([
        expect.objectContaining({ path: 'footer', code: 'too_long', limit: 60, length: 61 }),
      ]);
    });

    it('accepts a copy code of 15 characters and rejects 16', () => {
      const discount = fixture('discount_code');
      const body = { '1': '25OFF', '2': '25%' };
      expect(codes(discount, { body, buttons: { 1: 'C'.repeat(15) } })).toEqual([]);
      expect(validateTemplateParameters(discount, { body, buttons: { 1: 'C'.repeat(16) } })).toEqual([
        expect.objectContaining({ path: 'buttons.1', code: 'too_long', limit: 15, length: 16 }),
      ]);
    });

    it('accepts a button URL of 2000 characters and rejects 2001', () => {
      const promo = fixture('seasonal_promo');
      const prefixLength = 'https://shop.example.com/sale/'.length;
      const filled = exampleParameters(promo);
      expect(codes(promo, { ...filled, buttons: { 0: 's'.repeat(2000 - prefixLength) } })).toEqual([]);
      expect(codes(promo, { ...filled, buttons: { 0: 's'.repeat(2001 - prefixLength) } })).toEqual([
        { path: 'buttons.0', code: 'too_long' },
      ]);
    });
  });

  describe('media headers', () => {
    const promo = fixture('seasonal_promo');
    const body = exampleParameters(promo).body;
    const buttons = { 0: 'spring' };

    it.each(['https://cdn.example.com/a.jpg', 'http://cdn.example.com/a.jpg?size=2'])('accepts the link %s', (link) => {
      expect(codes(promo, { body, buttons, header: { type: 'image', link } })).toEqual([]);
    });

    it.each(['ftp://cdn.example.com/a.jpg', 'javascript:alert(1)', 'cdn.example.com/a.jpg', 'https://cdn.example.com/a b.jpg', 'https://'])(
      'rejects the link %s',
      (link) => {
        expect(codes(promo, { body, buttons, header: { type: 'image', link } })).toEqual([{ path: 'header', code: 'invalid_url' }]);
      },
    );

    it('rejects media of the wrong type, and text for a media header', () => {
      expect(codes(promo, { body, buttons, header: { type: 'video', link: 'https://cdn.example.com/a.mp4' } })).toEqual([
        { path: 'header', code: 'wrong_header_type' },
      ]);
      expect(codes(promo, { body, buttons, header: { type: 'text', text: 'Hi' } })).toEqual([
        { path: 'header', code: 'wrong_header_type' },
      ]);
    });

    it('rejects media for a text header', () => {
      expect(codes(orderUpdate, { ...orderValues, header: { type: 'image', link: 'https://cdn.example.com/a.jpg' } })).toEqual([
        { path: 'header', code: 'wrong_header_type' },
      ]);
    });

    it('accepts a document with a filename', () => {
      const invoice = fixture('invoice_ready');
      const header = { type: 'document', link: 'https://cdn.example.com/inv.pdf', filename: 'Invoice 42.pdf' } as const;
      expect(codes(invoice, { ...exampleParameters(invoice), header })).toEqual([]);
    });
  });

  describe('location headers', () => {
    const pickup = fixture('pickup_ready');
    const body = { '1': '#1', '2': 'PK-1' };

    it.each([
      [-90, -180],
      [90, 180],
      [0, 0],
    ])('accepts latitude %d and longitude %d', (latitude, longitude) => {
      expect(codes(pickup, { body, header: { type: 'location', latitude, longitude } })).toEqual([]);
    });

    it.each([
      [90.01, 0],
      [0, -180.5],
      [Number.NaN, 0],
      [0, Number.POSITIVE_INFINITY],
    ])('rejects latitude %d and longitude %d', (latitude, longitude) => {
      expect(codes(pickup, { body, header: { type: 'location', latitude, longitude } })).toEqual([
        { path: 'header', code: 'invalid_location' },
      ]);
    });

    it('rejects media for a location header', () => {
      expect(codes(pickup, { body, header: { type: 'image', link: 'https://cdn.example.com/a.jpg' } })).toEqual([
        { path: 'header', code: 'wrong_header_type' },
      ]);
    });
  });

  describe('URL button suffixes', () => {
    const promo = fixture('seasonal_promo');
    const filled = exampleParameters(promo);

    it('accepts a suffix that makes a valid URL', () => {
      expect(codes(promo, { ...filled, buttons: { 0: 'spring-2025?ref=wa&x=1' } })).toEqual([]);
    });

    it('rejects a suffix that breaks the URL', () => {
      expect(codes(promo, { ...filled, buttons: { 0: 'spring sale' } })).toEqual([{ path: 'buttons.0', code: 'invalid_url' }]);
    });
  });

  describe('unknown_variable', () => {
    it('rejects values for variables the body does not have', () => {
      expect(codes(orderUpdate, { ...orderValues, body: { ...orderValues.body, '4': 'extra' } })).toEqual([
        { path: 'body.4', code: 'unknown_variable' },
      ]);
      const promo = fixture('seasonal_promo');
      const filled = exampleParameters(promo);
      expect(codes(promo, { ...filled, body: { ...filled.body, '1': 'positional' } })).toEqual([
        { path: 'body.1', code: 'unknown_variable' },
      ]);
    });

    it('rejects values for buttons that take none', () => {
      const promo = fixture('seasonal_promo');
      expect(codes(promo, { ...exampleParameters(promo), buttons: { 0: 'x', 1: 'reply' } })).toEqual([
        { path: 'buttons.1', code: 'unknown_variable' },
      ]);
    });

    it('rejects a header for a template without one, or with a fixed text header', () => {
      const callback = fixture('support_callback');
      expect(codes(callback, { body: { '1': 'Sam', '2': 'T-1' }, header: { type: 'text', text: 'Hi' } })).toEqual([
        { path: 'header', code: 'unknown_variable' },
      ]);
      const discount = fixture('discount_code');
      expect(codes(discount, { body: { '1': 'A', '2': 'B' }, buttons: { 1: 'C' }, header: { type: 'text', text: 'Hi' } })).toEqual([
        { path: 'header', code: 'unknown_variable' },
      ]);
    });
  });

  it('checks named templates by parameter name', () => {
    const reminder = fixture('appointment_reminder');
    expect(codes(reminder, { header: { type: 'text', text: '12 May' }, body: { first_name: 'Tom' } })).toEqual([
      { path: 'body.agent_name', code: 'required' },
      { path: 'body.appointment_date', code: 'required' },
      { path: 'body.appointment_time', code: 'required' },
    ]);
  });

  it('accepts a template without variables with no parameters', () => {
    expect(codes(template([{ type: 'BODY', text: 'Hello!' }], 'NAMED'), {})).toEqual([]);
  });
});

describe('validateTemplateParameters messages', () => {
  function messagesOf(target: MessageTemplate, parameters: TemplateParameters): string[] {
    return validateTemplateParameters(target, parameters).map(({ message }) => message);
  }

  const twoLinksAndACode = template([
    { type: 'BODY', text: 'Your order {{1}} is on its way.' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://track.example.com/{{1}}' },
        { type: 'URL', text: 'Invoice', url: 'https://invoice.example.com/{{1}}' },
        { type: 'COPY_CODE' },
      ],
    },
  ]);
  const body = { '1': '#1' };

  it('accepts every button filled', () => {
    expect(codes(twoLinksAndACode, { body, buttons: { 0: 'a1', 1: 'b2', 2: 'CODE' } })).toEqual([]);
  });

  it('names each button by its text, or by its number when it has none', () => {
    expect(messagesOf(twoLinksAndACode, { body })).toEqual([
      'Fill in the end of the link for the button “Track”.',
      'Fill in the end of the link for the button “Invoice”.',
      'Fill in the code for the button 3.',
    ]);
    expect(messagesOf(twoLinksAndACode, { body, buttons: { 0: 'a1', 1: 'b 2', 2: 'CODE', 3: 'extra' } })).toEqual([
      'The link for the button “Invoice” is not a valid URL: https://invoice.example.com/b 2',
      'Button 4 of this template has nothing to fill.',
    ]);
  });

  it('says which limit a text breaks and by how much', () => {
    expect(messagesOf(twoLinksAndACode, { body, buttons: { 0: 'a1', 1: 'b2', 2: 'C'.repeat(16) } })).toEqual([
      'The code is 16 characters long; the limit is 15.',
    ]);
    expect(messagesOf(twoLinksAndACode, { body, buttons: { 0: 'a'.repeat(2000), 1: 'b2', 2: 'CODE' } })).toEqual([
      'The link is 2026 characters long; the limit is 2000.',
    ]);
    expect(messagesOf(orderUpdate, { ...orderValues, header: { type: 'text', text: 'x'.repeat(43) } })).toEqual([
      'The header is 61 characters long; the limit is 60.',
    ]);
    expect(messagesOf(template([{ type: 'BODY', text: 'Note: {{1}}' }, { type: 'FOOTER', text: 'f'.repeat(61) }]), { body: { '1': 'y'.repeat(1019) } })).toEqual([
      'The message is 1025 characters long; the limit is 1024.',
      'The footer is 61 characters long; the limit is 60.',
    ]);
  });

  it('explains text values that are required, broken or not expected', () => {
    expect(messagesOf(orderUpdate, { body: { ...orderValues.body, '1': 'Ana\nSouza', '4': 'extra' } })).toEqual([
      'Fill in {{1}} in the header.',
      'The value of {{1}} in the message can’t contain line breaks, tabs or more than 4 spaces in a row.',
      'This template’s message has no variable {{4}}.',
    ]);
    expect(messagesOf(orderUpdate, { ...orderValues, header: { type: 'text', text: 'a\tb' } })).toEqual([
      'The value of {{1}} in the header can’t contain line breaks, tabs or more than 4 spaces in a row.',
    ]);
    expect(messagesOf(orderUpdate, { ...orderValues, header: { type: 'image', link: 'https://cdn.example.com/a.jpg' } })).toEqual([
      'This template’s header is text, not image.',
    ]);
    expect(messagesOf(fixture('support_callback'), { body: { '1': 'Sam', '2': 'T-1' }, header: { type: 'text', text: 'Hi' } })).toEqual([
      'This template has no header to fill.',
    ]);
    expect(
      messagesOf(fixture('discount_code'), { body: { '1': 'A', '2': 'B' }, buttons: { 1: 'C' }, header: { type: 'text', text: 'Hi' } }),
    ).toEqual(['This template’s header has no variable to fill.']);
  });

  it('explains what a media or location header needs, with the right article', () => {
    const promo = fixture('seasonal_promo');
    const filled = exampleParameters(promo);
    expect(messagesOf(promo, { ...filled, header: undefined })).toEqual(['This template needs an image for its header.']);
    expect(messagesOf(promo, { ...filled, header: { type: 'video', link: 'https://cdn.example.com/a.mp4' } })).toEqual([
      'This template’s header needs an image, not a video.',
    ]);
    expect(messagesOf(promo, { ...filled, header: { type: 'image', link: '' } })).toEqual(['Add a link to the image for the header.']);
    expect(messagesOf(promo, { ...filled, header: { type: 'image', link: 'ftp://cdn.example.com/a.jpg' } })).toEqual([
      'The image link must be an http:// or https:// URL.',
    ]);
    const invoice = fixture('invoice_ready');
    expect(messagesOf(invoice, { ...exampleParameters(invoice), header: undefined })).toEqual(['This template needs a document for its header.']);
    const pickup = fixture('pickup_ready');
    const pickupBody = { '1': '#1', '2': 'PK-1' };
    expect(messagesOf(pickup, { body: pickupBody, header: { type: 'image', link: 'https://cdn.example.com/a.jpg' } })).toEqual([
      'This template’s header needs a location, not an image.',
    ]);
    expect(messagesOf(pickup, { body: pickupBody, header: { type: 'location', latitude: 91, longitude: 0 } })).toEqual([
      'The location needs a latitude between -90 and 90 and a longitude between -180 and 180.',
    ]);
  });
});
