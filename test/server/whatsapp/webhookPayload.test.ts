import { describe, expect, it } from 'vitest';
import { parseWebhookPayload } from '../../../server/src/whatsapp';
import type { WebhookUpdate } from '../../../server/src/whatsapp';
import { inboundOfType, inboundText, sentAndDeliveredStatuses } from './samplePayloads';

function inboundTexts(payload: unknown): string[] {
  const result = parseWebhookPayload(payload);
  if (!result.success) throw new Error(result.problem);
  return result.updates.map((update: WebhookUpdate) => {
    if (update.kind !== 'inbound') throw new Error(`expected an inbound message, got ${update.kind}`);
    return update.message.text;
  });
}

describe('parseWebhookPayload', () => {
  it.each([
    ['image', { caption: 'The blue one', mime_type: 'image/jpeg', sha256: 'abc', id: '1' }, '[image] The blue one'],
    ['image', { mime_type: 'image/jpeg', sha256: 'abc', id: '1' }, '[image]'],
    ['video', { mime_type: 'video/mp4', id: '2' }, '[video]'],
    ['audio', { mime_type: 'audio/ogg; codecs=opus', voice: true, id: '3' }, '[audio]'],
    ['sticker', { mime_type: 'image/webp', animated: false, id: '4' }, '[sticker]'],
    ['document', { filename: 'invoice.pdf', mime_type: 'application/pdf', id: '5' }, '[document] invoice.pdf'],
    ['location', { latitude: 37.48, longitude: -122.15, name: 'Main Street Store', address: '1 Main St' }, '[location] Main Street Store, 1 Main St'],
    ['location', { latitude: 37.48, longitude: -122.15 }, '[location]'],
    ['contacts', [{ name: { formatted_name: 'Ana' }, phones: [{ phone: '+1 555 0100' }] }], '[contact card]'],
    ['reaction', { message_id: 'wamid.X', emoji: '👍' }, '[reaction] 👍'],
    ['button', { payload: 'YES', text: 'Yes, ship it' }, 'Yes, ship it'],
    ['interactive', { type: 'button_reply', button_reply: { id: 'b1', title: 'Call me back' } }, 'Call me back'],
    ['interactive', { type: 'list_reply', list_reply: { id: 'l1', title: 'Tomorrow', description: 'Morning' } }, 'Tomorrow'],
    ['unsupported', undefined, '[unsupported message]'],
    ['order', { catalog_id: '1', product_items: [] }, '[order]'],
  ])('reads a %s message as %j', (type, content, expected) => {
    expect(inboundTexts(inboundOfType(type, content))).toEqual([expected]);
  });

  it('skips system messages (a number change is not something the customer wrote)', () => {
    const payload = inboundOfType('system', { body: 'User A changed from 1 to 2', wa_id: '2', type: 'user_changed_number' });

    expect(parseWebhookPayload(payload)).toEqual({ success: true, updates: [] });
  });

  it('skips status values Reachout does not track and keeps the others', () => {
    const payload = structuredClone(sentAndDeliveredStatuses);
    const statuses = payload.entry[0]!.changes[0]!.value.statuses as { status: string }[];
    statuses[0]!.status = 'deleted';

    const result = parseWebhookPayload(payload);

    expect(result.success && result.updates.map((update) => update.kind === 'status' && update.update.status)).toEqual([
      'delivered',
    ]);
  });

  it('keeps a + on a number that already has one and leaves out an unknown business number', () => {
    const payload = structuredClone(inboundText);
    const value = payload.entry[0]!.changes[0]!.value as { metadata?: unknown; messages: { from: string }[] };
    delete value.metadata;
    value.messages[0]!.from = '+16505551234';

    const result = parseWebhookPayload(payload);

    expect(result.success && result.updates[0]).toEqual({
      kind: 'inbound',
      message: expect.not.objectContaining({ to: expect.anything() }),
    });
    expect(result.success && result.updates[0]?.kind === 'inbound' && result.updates[0].message.from).toBe('+16505551234');
  });

  it('reads several entries and changes in payload order', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [...sentAndDeliveredStatuses.entry, ...inboundText.entry],
    };

    const result = parseWebhookPayload(payload);

    expect(result.success && result.updates.map((update) => update.kind)).toEqual(['status', 'status', 'inbound']);
  });

  it('reads a message_template_status_update change as a template-status update, whatever its value', () => {
    const change = (value: unknown) => ({ field: 'message_template_status_update', value });
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            change({ event: 'REJECTED', message_template_id: 594425479261596, message_template_name: 'order_update', reason: 'INCORRECT_CATEGORY' }),
            change(null),
          ],
        },
      ],
    };

    expect(parseWebhookPayload(payload)).toEqual({ success: true, updates: [{ kind: 'template-status' }, { kind: 'template-status' }] });
  });

  it.each([
    ['a 20-digit string', '99999999999999999999'],
    ['a 13-digit string', '1000000000000'],
    ['a number past the year 9999', 253_402_300_800],
    ['a number too large for a date', 1e300],
    ['a negative number', -1],
  ])('refuses a timestamp that is %s, naming the field, instead of failing later', (_case, timestamp) => {
    const payload = structuredClone(inboundText);
    (payload.entry[0]!.changes[0]!.value.messages[0] as { timestamp: unknown }).timestamp = timestamp;

    const result = parseWebhookPayload(payload);

    expect(result.success).toBe(false);
    expect(!result.success && result.problem).toContain('timestamp');
  });

  it('reads the latest timestamp it accepts, 9999-12-31T23:59:59Z', () => {
    const payload = structuredClone(inboundText);
    payload.entry[0]!.changes[0]!.value.messages[0]!.timestamp = '253402300799';

    const result = parseWebhookPayload(payload);

    expect(result.success && result.updates[0]?.kind === 'inbound' && result.updates[0].message.at).toBe('9999-12-31T23:59:59.000Z');
  });

  it.each([
    ['message id', (message: Record<string, unknown>) => (message.id = 'wamid.\u0000')],
    ['sender number', (message: Record<string, unknown>) => (message.from = '1650\uD800')],
  ])('refuses a %s holding a character PostgreSQL cannot store', (_case, spoil) => {
    const payload = structuredClone(inboundText);
    spoil(payload.entry[0]!.changes[0]!.value.messages[0] as Record<string, unknown>);

    expect(parseWebhookPayload(payload).success).toBe(false);
  });

  it('ignores payloads for other objects (e.g. a Page subscription)', () => {
    expect(parseWebhookPayload({ object: 'page', entry: [{ changes: [{ field: 'messages', value: 1 }] }] })).toEqual({
      success: true,
      updates: [],
    });
  });
});
