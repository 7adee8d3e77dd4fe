import { createHmac, timingSafeEqual } from 'node:crypto';

const signaturePrefix = 'sha256=';
const signaturePattern = /^sha256=[0-9a-f]{64}$/i;

/** The `X-Hub-Signature-256` value Meta sends with a webhook: `sha256=` + HMAC-SHA256 of the raw body. */
export function signWebhookBody(rawBody: Uint8Array | string, appSecret: string): string {
  return signaturePrefix + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/**
 * True when `signatureHeader` is the HMAC-SHA256 of exactly these bytes with `appSecret`. Compared
 * in constant time; a missing, malformed or wrongly sized header is simply not valid.
 */
export function verifyWebhookSignature(
  rawBody: Uint8Array,
  signatureHeader: string | undefined | null,
  appSecret: string,
): boolean {
  if (signatureHeader == null || !signaturePattern.test(signatureHeader.trim())) return false;
  const received = Buffer.from(signatureHeader.trim().slice(signaturePrefix.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}
