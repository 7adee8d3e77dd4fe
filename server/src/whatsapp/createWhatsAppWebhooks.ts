import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ReachoutError } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { problemOf, problemResponse, validationError } from '../http/problem';
import { parseWebhookPayload } from './webhookPayload';
import type { WebhookUpdate } from './webhookPayload';
import { verifyWebhookSignature } from './webhookSignature';

export interface WhatsAppWebhooksOptions {
  backend: ReachoutBackend;
  /** The Meta app's secret: every webhook call is signed with it (`X-Hub-Signature-256`). */
  appSecret: string;
  /** The token entered with the callback URL in the app dashboard; Meta echoes it when subscribing. */
  verifyToken: string;
}

/** Meta's webhook payloads are at most 3 MB. */
const maxWebhookBytes = 3 * 1024 * 1024;

function sameSecret(received: string, expected: string): boolean {
  const receivedBytes = Buffer.from(received);
  const expectedBytes = Buffer.from(expected);
  return receivedBytes.length === expectedBytes.length && timingSafeEqual(receivedBytes, expectedBytes);
}

function apply(backend: ReachoutBackend, update: WebhookUpdate): Promise<void> {
  switch (update.kind) {
    case 'status':
      return backend.whatsapp.recordStatus(update.update);
    case 'inbound':
      return backend.whatsapp.recordInbound(update.message);
    case 'template-status':
      backend.whatsapp.templatesChanged?.();
      return Promise.resolve();
    default:
      return update satisfies never;
  }
}

/**
 * The WhatsApp Cloud API webhook endpoint, mounted by the server at `/webhooks/whatsapp`.
 * `GET /` answers Meta's verification handshake; `POST /` checks the signature of the raw body,
 * then records delivery statuses and customer messages through `backend.whatsapp`.
 *
 * @example
 * app.route('/webhooks/whatsapp', createWhatsAppWebhooks({ backend, appSecret, verifyToken }));
 */
export function createWhatsAppWebhooks(options: WhatsAppWebhooksOptions): Hono {
  const { backend, appSecret, verifyToken } = options;
  if (appSecret === '') throw new Error('createWhatsAppWebhooks: `appSecret` is required to check webhook signatures');
  if (verifyToken === '') throw new Error('createWhatsAppWebhooks: `verifyToken` is required for the subscription handshake');

  const app = new Hono();

  app.get('/', (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token');
    const challenge = c.req.query('hub.challenge');
    if (mode !== 'subscribe' || token === undefined || !sameSecret(token, verifyToken)) {
      return problemResponse(
        problemOf(new ReachoutError('FORBIDDEN', 'The webhook verification token does not match WHATSAPP_VERIFY_TOKEN')),
      );
    }
    if (challenge === undefined || challenge === '') {
      return problemResponse(problemOf(validationError('The verification request has no hub.challenge to echo')));
    }
    return c.text(challenge, 200);
  });

  app.post(
    '/',
    bodyLimit({
      maxSize: maxWebhookBytes,
      onError: () =>
        problemResponse(problemOf(validationError(`The webhook body is larger than ${maxWebhookBytes} bytes`), 413)),
    }),
    async (c) => {
      // The signature covers the exact bytes Meta sent: read them before any parsing.
      const rawBody = new Uint8Array(await c.req.arrayBuffer());
      if (!verifyWebhookSignature(rawBody, c.req.header('X-Hub-Signature-256'), appSecret)) {
        return problemResponse(
          problemOf(
            new ReachoutError(
              'UNAUTHORIZED',
              'The webhook signature is missing or wrong: X-Hub-Signature-256 must be sha256=<HMAC-SHA256 of the body with the app secret>',
            ),
          ),
        );
      }
      let payload: unknown;
      try {
        payload = JSON.parse(new TextDecoder().decode(rawBody));
      } catch {
        return problemResponse(problemOf(validationError('The webhook body is not valid JSON')));
      }
      const parsed = parseWebhookPayload(payload);
      if (!parsed.success) return problemResponse(problemOf(validationError(parsed.problem)));
      try {
        // In order: a `sent` and a `delivered` for one message may arrive in one payload. Each
        // update is applied on its own, not the payload in one transaction: the statuses and
        // messages of one payload are unrelated facts, and each is idempotent (a status never
        // moves delivery backwards, a message is recorded once per WhatsApp id), so a payload
        // delivered again after a failure halfway applies only what is still missing.
        for (const update of parsed.updates) await apply(backend, update);
      } catch (error) {
        // Not 200, so Meta delivers the payload again later (see above: nothing is applied twice).
        console.error('reachout: recording a WhatsApp webhook failed', error);
        return problemResponse(
          problemOf(new ReachoutError('UNKNOWN', 'The webhook could not be recorded; WhatsApp will deliver it again')),
        );
      }
      return c.body(null, 200);
    },
  );

  return app;
}
