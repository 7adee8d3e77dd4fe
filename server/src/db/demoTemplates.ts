import type { MessageTemplate } from 'reachout/core';

/**
 * The reference server's demo templates, as the Cloud API's `GET /<WABA_ID>/message_templates`
 * returns them: positional and named parameters, text, image, video and document headers,
 * footers and buttons, and one template still PENDING (listed, not sendable). In Cloud API mode
 * the server lists Meta's templates instead.
 */
export const demoTemplates: MessageTemplate[] = [
  {
    id: '1148529316475201',
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    // Left out on purpose: older templates come without it and mean POSITIONAL.
    components: [
      {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Order {{1}} has shipped',
        example: { header_text: ['#10423'] },
      },
      {
        type: 'BODY',
        text: 'Hi {{1}}, good news: your order is on its way with {{2}}. Expected delivery: {{3}}.',
        example: { body_text: [['Maria', 'DHL Express', 'Friday, 14 March']] },
      },
      { type: 'FOOTER', text: 'Reply STOP to unsubscribe' },
    ],
    quality_score: { score: 'GREEN' },
  },
  {
    id: '1062278455913340',
    name: 'seasonal_promo',
    language: 'en_US',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'NAMED',
    components: [
      {
        type: 'HEADER',
        format: 'IMAGE',
        example: {
          header_handle: [
            'https://scontent.whatsapp.net/v/t61.29466-34/462519834_1062278459246673_n.jpg?ccb=1-7&_nc_sid=8b1bef',
          ],
        },
      },
      {
        type: 'BODY',
        text: 'Hi {{first_name}}! Our {{sale_name}} is on: save {{discount}} on everything until {{end_date}}. See you soon, {{first_name}}!',
        example: {
          body_text_named_params: [
            { param_name: 'first_name', example: 'Jessica' },
            { param_name: 'sale_name', example: 'Spring Sale' },
            { param_name: 'discount', example: '25%' },
            { param_name: 'end_date', example: '31 March' },
          ],
        },
      },
      { type: 'FOOTER', text: 'Tap “Stop promotions” to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Shop now',
            url: 'https://shop.example.com/sale/{{1}}',
            example: ['https://shop.example.com/sale/spring-2025?ref=wa'],
          },
          { type: 'QUICK_REPLY', text: 'Remind me later' },
          { type: 'QUICK_REPLY', text: 'Stop promotions' },
        ],
      },
    ],
    quality_score: { score: 'GREEN' },
  },
  {
    id: '902114637581924',
    name: 'appointment_reminder',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'NAMED',
    components: [
      {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Appointment on {{appointment_date}}',
        example: { header_text_named_params: [{ param_name: 'appointment_date', example: '12 May' }] },
      },
      {
        type: 'BODY',
        text: 'Hi {{first_name}}, this is a reminder of your appointment with {{agent_name}} on {{appointment_date}} at {{appointment_time}}.',
        example: {
          body_text_named_params: [
            { param_name: 'first_name', example: 'Tom' },
            { param_name: 'agent_name', example: 'Priya' },
            { param_name: 'appointment_date', example: '12 May' },
            { param_name: 'appointment_time', example: '10:30' },
          ],
        },
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Confirm' },
          { type: 'QUICK_REPLY', text: 'Reschedule' },
        ],
      },
    ],
  },
  {
    id: '1290471180432715',
    name: 'product_launch_video',
    language: 'en_US',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      {
        type: 'HEADER',
        format: 'VIDEO',
        example: {
          header_handle: ['https://scontent.whatsapp.net/v/t42.1790-2/10000000_1290471183766048_n.mp4?_nc_cat=104'],
        },
      },
      {
        type: 'BODY',
        text: 'Meet the {{1}}: lighter, faster and available from {{2}}. Watch the video for a first look.',
        example: { body_text: [['Aero X2', '3 June']] },
      },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Tell me more' }] },
    ],
  },
  {
    id: '774309512288016',
    name: 'invoice_ready',
    language: 'en_GB',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      {
        type: 'HEADER',
        format: 'DOCUMENT',
        example: {
          header_handle: ['https://scontent.whatsapp.net/v/t61.29466-34/invoice_774309512288016_n.pdf?ccb=1-7'],
        },
      },
      {
        type: 'BODY',
        text: 'Hello {{1}}, your invoice {{2}} for {{3}} is attached. Payment is due by {{4}}.',
        example: { body_text: [['Oliver', 'INV-2025-0042', '£129.00', '30 April']] },
      },
      { type: 'FOOTER', text: 'Acme Ltd · Billing' },
    ],
  },
  {
    id: '1023387710458296',
    name: 'winter_newsletter',
    language: 'en_US',
    status: 'PENDING',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      {
        type: 'BODY',
        text: 'Hi {{1}}, our winter collection has landed. Take a look before it sells out!',
        example: { body_text: [['Lena']] },
      },
    ],
  },
];
