// Webhook bodies shaped like the samples in Meta's "messages" webhook reference (status and
// inbound message notifications), with the ids and numbers of those samples.

export const businessDisplayPhone = '15550783881';
export const businessPhoneNumberId = '106540352242922';
export const businessAccountId = '102290129340398';

function messagesChange<Value extends Record<string, unknown>>(value: Value) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: businessAccountId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: businessDisplayPhone, phone_number_id: businessPhoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** One status of a `statuses` notification, as Meta sends it (`timestamp` in unix seconds). */
export interface SampleStatus {
  status: string;
  timestamp: string;
  errors?: Array<Record<string, unknown>>;
}

/** A `statuses` notification for `messageId` (the wamid a send answered), e.g. `sent` then `delivered`. */
export function statusesFor(messageId: string, recipientId: string, statuses: SampleStatus[]) {
  return messagesChange({
    statuses: statuses.map((status) => ({ id: messageId, recipient_id: recipientId, ...status })),
  });
}

/** A customer's text message from `from` (digits, as Meta writes it) to the business number. */
export function inboundTextFrom(from: string, body: string, timestamp: string, messageId: string) {
  return messagesChange({
    contacts: [{ profile: { name: 'Customer' }, wa_id: from }],
    messages: [{ from, id: messageId, timestamp, type: 'text', text: { body } }],
  });
}

export const sentMessageId = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjY5QkRGNzVBRTk4QzYA';

/** `sent` then `delivered` for one message, in one payload (with the pricing/conversation extras). */
export const sentAndDeliveredStatuses = messagesChange({
  statuses: [
    {
      id: sentMessageId,
      status: 'sent',
      timestamp: '1750857384',
      recipient_id: '16505551234',
      conversation: {
        id: 'a75d17ad06104c51166f948319b03c6a',
        expiration_timestamp: '1750943820',
        origin: { type: 'utility' },
      },
      pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
    },
    {
      id: sentMessageId,
      status: 'delivered',
      timestamp: '1750857390',
      recipient_id: '16505551234',
      pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
    },
  ],
});

/** A `failed` status: the number is not on WhatsApp (131026). */
export const failedStatus = messagesChange({
  statuses: [
    {
      id: sentMessageId,
      status: 'failed',
      timestamp: '1750857400',
      recipient_id: '16505551234',
      errors: [
        {
          code: 131026,
          title: 'Message undeliverable',
          message: 'Message undeliverable',
          error_data: { details: 'Message Undeliverable.' },
          href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
        },
      ],
    },
  ],
});

export const inboundMessageId = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=';

/** A customer's text message, with the `contacts` profile block. */
export const inboundText = messagesChange({
  contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
  messages: [
    {
      from: '16505551234',
      id: inboundMessageId,
      timestamp: '1749416383',
      type: 'text',
      text: { body: 'Does it come in another color?' },
    },
  ],
});

/** An inbound message of `type`, with `content` under the key of that type. */
export function inboundOfType(type: string, content?: unknown) {
  return messagesChange({
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
    messages: [
      {
        from: '16505551234',
        id: inboundMessageId,
        timestamp: '1749416383',
        type,
        ...(content === undefined ? {} : { [type]: content }),
      },
    ],
  });
}

/** A change of another field: nothing in it is for Reachout. */
export const templateStatusUpdate = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: businessAccountId,
      time: 1750857384,
      changes: [
        {
          value: {
            event: 'APPROVED',
            message_template_id: 1148529316475201,
            message_template_name: 'order_update',
            message_template_language: 'en_US',
            reason: 'NONE',
          },
          field: 'message_template_status_update',
        },
      ],
    },
  ],
};
