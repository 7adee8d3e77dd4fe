import { describe, expect, it } from 'vitest';
import { resolveTemplateParameters } from '../../../src/core/template/resolveTemplateParameters';
import { validateTemplateParameters } from '../../../src/core/template/validateTemplateParameters';
import type { Contact } from '../../../src/core/types';
import { fixture } from './fixtures';

const contact: Contact = {
  id: 'c1',
  name: 'Maria da Silva',
  email: null,
  phone: '+5511987654321',
  avatarUrl: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  attributes: { city: 'São Paulo' },
};

describe('resolveTemplateParameters', () => {
  it('turns typed values into parameters by component', () => {
    expect(
      resolveTemplateParameters({
        template: fixture('order_update'),
        values: { 'header.1': '#10423', 'body.1': 'Maria', 'body.2': 'DHL', 'body.3': 'Friday' },
      }),
    ).toEqual({ header: { type: 'text', text: '#10423' }, body: { '1': 'Maria', '2': 'DHL', '3': 'Friday' } });
  });

  it('fills bound variables from the contact, over anything typed', () => {
    expect(
      resolveTemplateParameters({
        template: fixture('order_update'),
        values: { 'body.1': 'typed before binding', 'body.2': 'DHL' },
        bindings: { 'body.1': 'firstName', 'body.3': 'attributes.city' },
        contact,
      }),
    ).toEqual({ body: { '1': 'Maria', '2': 'DHL', '3': 'São Paulo' } });
  });

  it('leaves a variable bound to a field the contact lacks empty, so validation asks for it', () => {
    const template = fixture('support_callback');
    const parameters = resolveTemplateParameters({
      template,
      values: { 'body.1': 'typed', 'body.2': 'T-1' },
      bindings: { 'body.1': 'email' },
      contact,
    });
    expect(parameters).toEqual({ body: { '2': 'T-1' } });
    expect(validateTemplateParameters(template, parameters).map((issue) => issue.path)).toEqual(['body.1']);
  });

  it('leaves bound variables empty when there is no contact', () => {
    expect(
      resolveTemplateParameters({ template: fixture('winter_newsletter'), values: {}, bindings: { 'body.1': 'name' } }),
    ).toEqual({});
  });

  it('resolves named variables, the media header and button values', () => {
    const header = { type: 'image', link: 'https://cdn.example.com/spring.jpg' } as const;
    expect(
      resolveTemplateParameters({
        template: fixture('seasonal_promo'),
        values: { 'body.sale_name': 'Spring Sale', 'body.discount': '25%', 'body.end_date': '31 March', 'buttons.0': 'spring' },
        bindings: { 'body.first_name': 'firstName' },
        contact,
        headerMedia: header,
      }),
    ).toEqual({
      header,
      body: { first_name: 'Maria', sale_name: 'Spring Sale', discount: '25%', end_date: '31 March' },
      buttons: { 0: 'spring' },
    });
  });

  it('has no header for a media header template until media is given', () => {
    const parameters = resolveTemplateParameters({ template: fixture('seasonal_promo'), values: { 'body.discount': '25%' } });
    expect(parameters).toStrictEqual({ body: { discount: '25%' } });
  });

  it('drops values the template has no variable for, empty values and media for a text header', () => {
    expect(
      resolveTemplateParameters({
        template: fixture('discount_code'),
        values: { 'body.1': '', 'body.2': '25%', 'body.9': 'stray', 'header.1': 'stray', 'buttons.0': 'reply', 'buttons.1': 'FALL25' },
        headerMedia: { type: 'image', link: 'https://cdn.example.com/a.jpg' },
      }),
    ).toEqual({ body: { '2': '25%' }, buttons: { 1: 'FALL25' } });
  });
});
