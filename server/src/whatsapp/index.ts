// WhatsApp Cloud API mode: the Graph API gateway and the webhook endpoint.
export { cloudApiSenderId, createCloudApiGateway, defaultGraphApiVersion, defaultGraphUrl } from './createCloudApiGateway';
export type { CloudApiGateway, CloudApiGatewayOptions } from './createCloudApiGateway';
export { createWhatsAppWebhooks } from './createWhatsAppWebhooks';
export type { WhatsAppWebhooksOptions } from './createWhatsAppWebhooks';
export { graphErrorToReachoutError } from './graphErrors';
export { parseWebhookPayload } from './webhookPayload';
export type { WebhookParseResult, WebhookUpdate } from './webhookPayload';
export { signWebhookBody, verifyWebhookSignature } from './webhookSignature';
