import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { countCharacters } from '../../src/core/characters';
import { contactInputSchema, contactLimits, sendNotificationInputSchema, ticketLimits } from '../../src/core/schemas';
import { templateLimits, validateTemplateParameters } from '../../src/core/template';
import type { MessageTemplate } from '../../src/core/types';

const thumbsUp = '👍'; // two UTF-16 units
const toned = '👍🏽'; // four
const combining = 'e\u0301'; // é as e + combining acute: two

describe('countCharacters', () => {
  it('counts UTF-16 code units: emoji and combining marks count every unit', () => {
    expect(countCharacters('')).toBe(0);
    expect(countCharacters('abc')).toBe(3);
    expect(countCharacters(thumbsUp)).toBe(2);
    expect(countCharacters(toned)).toBe(4);
    expect(countCharacters('👨‍👩‍👧')).toBe(8);
    expect(countCharacters(combining)).toBe(2);
    expect(countCharacters('\u00e9')).toBe(1);
  });
});

const headerTemplate: MessageTemplate = {
  id: 'header-template',
  name: 'header_template',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: '{{1}}', example: { header_text: ['x'] } },
    { type: 'BODY', text: '{{1}}', example: { body_text: [['x']] } },
    { type: 'FOOTER', text: 'Thanks' },
  ],
};

function issuesFor(header: string, body: string) {
  return validateTemplateParameters(headerTemplate, {
    header: { type: 'text', text: header },
    body: { '1': body },
  });
}

describe('limits at their boundary, counted as countCharacters counts', () => {
  it('template validation allows a header and body of exactly the limit, emoji and combining marks included', () => {
    const header = 'a'.repeat(templateLimits.headerText - 2) + thumbsUp;
    const body = 'b'.repeat(templateLimits.body - 4) + combining + combining;
    expect(countCharacters(header)).toBe(templateLimits.headerText);
    expect(countCharacters(body)).toBe(templateLimits.body);
    expect(issuesFor(header, body)).toEqual([]);
  });

  it('template validation refuses one unit more, with the length the counter shows', () => {
    const header = 'a'.repeat(templateLimits.headerText - 1) + thumbsUp;
    const body = 'b'.repeat(templateLimits.body - 3) + toned;
    expect(issuesFor(header, body)).toEqual([
      expect.objectContaining({ path: 'header', code: 'too_long', limit: 60, length: 61 }),
      expect.objectContaining({ path: 'body', code: 'too_long', limit: 1024, length: 1025 }),
    ]);
  });

  it('the contact schema allows a name of exactly the limit and refuses one unit more', () => {
    const parse = (name: string) => z.safeParse(contactInputSchema, { name, phone: '+5511987654321' }).success;
    expect(parse('n'.repeat(contactLimits.nameMaxLength - 2) + thumbsUp)).toBe(true);
    expect(parse('n'.repeat(contactLimits.nameMaxLength - 1) + thumbsUp)).toBe(false);
    expect(parse('n'.repeat(contactLimits.nameMaxLength - 2) + combining)).toBe(true);
    expect(parse('n'.repeat(contactLimits.nameMaxLength - 1) + combining)).toBe(false);
  });

  it('the send schema allows a description of exactly ticketLimits.descriptionMaxLength and refuses one unit more', () => {
    expect(ticketLimits.descriptionMaxLength).toBe(4000);
    const send = (description: string) =>
      z.safeParse(sendNotificationInputSchema, {
        idempotencyKey: 'characters-0001',
        contactId: 'c',
        senderId: 's',
        to: '+5511987654321',
        template: { id: 't', name: 'n', language: 'en_US' },
        parameters: {},
        message: { messaging_product: 'whatsapp', type: 'template', to: '+5511987654321' },
        ticket: { priority: 'low', assigneeId: null, description },
      }).success;
    const atLimit = 'd'.repeat(ticketLimits.descriptionMaxLength - 4) + toned;
    expect(countCharacters(atLimit)).toBe(ticketLimits.descriptionMaxLength);
    expect(send(atLimit)).toBe(true);
    expect(send(`${atLimit}${combining}`.slice(0, ticketLimits.descriptionMaxLength + 1))).toBe(false);
  });
});
