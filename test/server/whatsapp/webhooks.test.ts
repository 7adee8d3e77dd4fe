import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import type { DeliveryStatusUpdate, InboundMessage, ReachoutBackend } from '../../../server/src/backend';
import { createWhatsAppWebhooks, signWebhookBody } from '../../../server/src/whatsapp';
import {
  failedStatus,
  inboundMessageId,
  inboundText,
  sentAndDeliveredStatuses,
  sentMessageId,
  templateStatusUpdate,
} from './samplePayloads';

const appSecret = 'app-secret-0123456789abcdef';
const verifyToken = 'reachout-verify-token';

type RecordedCall = { method: 'recordStatus'; update: DeliveryStatusUpdate } | { method: 'recordInbound'; message: InboundMessage };

function notUsed(): never {
  throw new Error('The webhooks must only call backend.whatsapp');
}

/** A backend whose `whatsapp` methods record their calls; everything else throws. */
function recordingBackend(options: { failStatus?: Error } = {}) {
  const calls: RecordedCall[] = [];
  const backend: ReachoutBackend = {
    provider: new Proxy({} as ReachoutBackend['provider'], { get: notUsed }),
    events: { since: notUsed, subscribe: notUsed },
    media: { put: notUsed, get: notUsed },
    whatsapp: {
      recordStatus: async (update) => {
        if (options.failStatus) throw options.failStatus;
        calls.push({ method: 'recordStatus', update });
      },
      recordInbound: async (message) => {
        calls.push({ method: 'recordInbound', message });
      },
    },
    close: async () => {},
  };
  return { backend, calls };
}

function setup(options: { failStatus?: Error } = {}) {
  const { backend, calls } = recordingBackend(options);
  const app = createWhatsAppWebhooks({ backend, appSecret, verifyToken });
  return { app, calls };
}

function post(app: ReturnType<typeof setup>['app'], body: string, signature?: string) {
  return app.request('/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(signature === undefined ? {} : { 'X-Hub-Signature-256': signature }),
    },
    body,
  });
}

function postSigned(app: ReturnType<typeof setup>['app'], payload: unknown) {
  const body = JSON.stringify(payload);
  return post(app, body, signWebhookBody(body, appSecret));
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, code, type: expect.stringMatching(/^https:\/\//), title: expect.any(String) });
  expect(problem.detail).toEqual(expect.any(String));
  return problem;
}

describe('GET /webhooks/whatsapp (subscription handshake)', () => {
  it('echoes hub.challenge as text when the verify token matches', async () => {
    const { app } = setup();

    const response = await app.request(
      `/?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`,
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('1158201444');
  });

  it.each([
    ['a wrong token', `hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444`],
    ['a token of another length', `hub.mode=subscribe&hub.verify_token=${verifyToken}x&hub.challenge=1`],
    ['no token', `hub.mode=subscribe&hub.challenge=1158201444`],
    ['another mode', `hub.mode=unsubscribe&hub.verify_token=${verifyToken}&hub.challenge=1158201444`],
  ])('answers 403 for %s', async (_case, query) => {
    const { app } = setup();

    const response = await app.request(`/?${query}`);

    const problem = await expectProblem(response, 403, 'FORBIDDEN');
    expect(JSON.stringify(problem)).not.toContain('1158201444');
  });

  it('answers 400 when there is no challenge to echo', async () => {
    const { app } = setup();

    await expectProblem(await app.request(`/?hub.mode=subscribe&hub.verify_token=${verifyToken}`), 400, 'VALIDATION');
  });
});

describe('POST /webhooks/whatsapp (signature)', () => {
  const body = JSON.stringify(inboundText);

  it.each([
    ['unsigned', undefined],
    ['signed with another secret', signWebhookBody(body, 'another-secret')],
    ['signed for another body', signWebhookBody(body.replace('another color', 'another size'), appSecret)],
    ['with the sha1 prefix', signWebhookBody(body, appSecret).replace('sha256=', 'sha1=')],
    ['without a prefix', signWebhookBody(body, appSecret).slice('sha256='.length)],
    ['truncated', signWebhookBody(body, appSecret).slice(0, -2)],
    ['too long', `${signWebhookBody(body, appSecret)}00`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
    ['empty', ''],
  ])('answers 401 and records nothing when %s', async (_case, signature) => {
    const { app, calls } = setup();

    const response = await post(app, body, signature);

    await expectProblem(response, 401, 'UNAUTHORIZED');
    expect(calls).toEqual([]);
  });

  it('checks the raw bytes: the same JSON re-serialised differently is rejected', async () => {
    const { app, calls } = setup();
    const signature = signWebhookBody(body, appSecret);

    const response = await post(app, JSON.stringify(inboundText, null, 2), signature);

    await expectProblem(response, 401, 'UNAUTHORIZED');
    expect(calls).toEqual([]);
  });

  it('accepts a correct signature and records the message', async () => {
    const { app, calls } = setup();

    const response = await post(app, body, signWebhookBody(body, appSecret));

    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('answers 400 for a correctly signed body that is not JSON, and records nothing', async () => {
    const { app, calls } = setup();
    const notJson = '{"object":"whatsapp_business_account","entry":[';

    const response = await post(app, notJson, signWebhookBody(notJson, appSecret));

    await expectProblem(response, 400, 'VALIDATION');
    expect(calls).toEqual([]);
  });
});

describe('POST /webhooks/whatsapp (payloads)', () => {
  it('records sent and delivered statuses in order, with ISO times', async () => {
    const { app, calls } = setup();

    const response = await postSigned(app, sentAndDeliveredStatuses);

    expect(response.status).toBe(200);
    expect(calls).toEqual([
      { method: 'recordStatus', update: { messageId: sentMessageId, status: 'sent', at: '2025-06-25T13:16:24.000Z' } },
      { method: 'recordStatus', update: { messageId: sentMessageId, status: 'delivered', at: '2025-06-25T13:16:30.000Z' } },
    ]);
  });

  it('records a failed status with its error', async () => {
    const { app, calls } = setup();

    await postSigned(app, failedStatus);

    expect(calls).toEqual([
      {
        method: 'recordStatus',
        update: {
          messageId: sentMessageId,
          status: 'failed',
          at: '2025-06-25T13:16:40.000Z',
          error: { code: 131026, title: 'Message undeliverable', details: 'Message Undeliverable.' },
        },
      },
    ]);
  });

  it('records an inbound text message from the customer to the business number', async () => {
    const { app, calls } = setup();

    await postSigned(app, inboundText);

    expect(calls).toEqual([
      {
        method: 'recordInbound',
        message: {
          from: '+16505551234',
          to: '+15550783881',
          text: 'Does it come in another color?',
          at: '2025-06-08T20:59:43.000Z',
          messageId: inboundMessageId,
        },
      },
    ]);
  });

  it('answers 200 and records nothing for a change of another field', async () => {
    const { app, calls } = setup();

    const response = await postSigned(app, templateStatusUpdate);

    expect(response.status).toBe(200);
    expect(calls).toEqual([]);
  });

  it('answers 400 and records nothing when a messages change has the wrong shape', async () => {
    const { app, calls } = setup();
    const broken = structuredClone(sentAndDeliveredStatuses);
    const statuses = broken.entry[0]!.changes[0]!.value.statuses as { timestamp: unknown }[];
    statuses[1]!.timestamp = 'yesterday';

    const problem = await expectProblem(await postSigned(app, broken), 400, 'VALIDATION');

    expect(problem.detail).toContain('timestamp');
    expect(calls).toEqual([]);
  });

  it('answers 400 for JSON that is not a webhook payload', async () => {
    const { app, calls } = setup();

    await expectProblem(await postSigned(app, { hello: 'world' }), 400, 'VALIDATION');
    expect(calls).toEqual([]);
  });

  it('answers 500 when the backend cannot record, so Meta delivers the payload again', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { app } = setup({ failStatus: new Error('database is down') });

      const problem = await expectProblem(await postSigned(app, sentAndDeliveredStatuses), 500, 'UNKNOWN');

      expect(problem.detail).not.toContain('database is down');
      expect(consoleError).toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});

describe('mounted like the server mounts it', () => {
  it('answers the handshake and signed posts at /webhooks/whatsapp', async () => {
    const { backend, calls } = recordingBackend();
    const server = new Hono();
    server.route('/webhooks/whatsapp', createWhatsAppWebhooks({ backend, appSecret, verifyToken }));
    const body = JSON.stringify(inboundText);

    const handshake = await server.request(
      `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=42`,
    );
    const delivery = await server.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signWebhookBody(body, appSecret) },
      body,
    });

    expect(await handshake.text()).toBe('42');
    expect(delivery.status).toBe(200);
    expect(calls.map((call) => call.method)).toEqual(['recordInbound']);
  });

  it('answers 413 for a body over 3 MB without reading it as a webhook', async () => {
    const { app, calls } = setup();
    const huge = JSON.stringify({ object: 'whatsapp_business_account', entry: [], padding: 'x'.repeat(3 * 1024 * 1024) });

    await expectProblem(await post(app, huge, signWebhookBody(huge, appSecret)), 413, 'VALIDATION');
    expect(calls).toEqual([]);
  });
});
