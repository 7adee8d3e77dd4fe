import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTemplateMessage, isReachoutError } from 'reachout/core';
import type { ReachoutError, ReachoutErrorCode, TemplateMessagePayload } from 'reachout/core';
import { fixtures, senders, templatesByName } from 'reachout/testing';
import { createCloudApiGateway, defaultGraphApiVersion } from '../../../server/src/whatsapp';
import { defaultPhoneNumber, graphError, startFakeGraphApi } from './fakeGraphApi';
import type { FakeGraphApi } from './fakeGraphApi';

// The fixture arrays, from `fixtures` (reachout/testing exports no bare arrays).
const { templates } = fixtures;

const accessToken = 'EAAG-test-token';
const phoneNumberId = '106540352242922';
const businessAccountId = '102290129340398';
const sender = senders[0]!;

function orderUpdateMessage(): TemplateMessagePayload {
  return buildTemplateMessage({
    to: '+16505551234',
    template: templatesByName.order_update!,
    parameters: {
      header: { type: 'text', text: '#10423' },
      body: { '1': 'Maria', '2': 'DHL Express', '3': 'Friday, 14 March' },
    },
  });
}

async function rejectionOf(promise: Promise<unknown>): Promise<ReachoutError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (!isReachoutError(error)) throw new Error(`expected a ReachoutError, got ${String(error)}`);
  return error;
}

describe('createCloudApiGateway', () => {
  let graph: FakeGraphApi;

  beforeEach(async () => {
    graph = await startFakeGraphApi({ accessToken, phoneNumberId, businessAccountId, templates, pageSize: 5 });
  });
  afterEach(async () => {
    await graph.close();
  });

  function gateway(overrides: { accessToken?: string; apiVersion?: string; graphUrl?: string } = {}) {
    return createCloudApiGateway({
      accessToken: overrides.accessToken ?? accessToken,
      phoneNumberId,
      businessAccountId,
      graphUrl: overrides.graphUrl ?? graph.url,
      ...(overrides.apiVersion === undefined ? {} : { apiVersion: overrides.apiVersion }),
    });
  }

  describe('send', () => {
    it('posts the template payload to the phone number and answers the wamid', async () => {
      const message = orderUpdateMessage();

      const result = await gateway().send(message, sender);

      expect(graph.requests).toHaveLength(1);
      const [request] = graph.requests;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe(`/${defaultGraphApiVersion}/${phoneNumberId}/messages`);
      expect(request?.headers.authorization).toBe(`Bearer ${accessToken}`);
      expect(request?.headers['content-type']).toBe('application/json');
      expect(request?.body).toEqual(message);
      expect(result).toEqual({ messageId: graph.acceptedMessageIds[0] });
      expect(result.messageId).toMatch(/^wamid\./);
    });

    it('uses the configured API version and a graph URL with a path prefix', async () => {
      await gateway({ apiVersion: 'v24.0', graphUrl: `${graph.url}/` }).send(orderUpdateMessage(), sender);

      expect(graph.requests[0]?.url).toBe(`/v24.0/${phoneNumberId}/messages`);
    });

    it('is in cloud-api mode', () => {
      expect(gateway().mode).toBe('cloud-api');
    });

    it('maps an expired or wrong token to UNAUTHORIZED', async () => {
      const error = await rejectionOf(gateway({ accessToken: 'not-the-token' }).send(orderUpdateMessage(), sender));

      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.message).toContain('Invalid OAuth access token');
      expect(error.message).toContain('Graph error 190');
    });

    const errorCases: {
      name: string;
      status: number;
      code: number;
      message: string;
      details?: string;
      expected: ReachoutErrorCode;
      retryAfterMs?: number;
    }[] = [
      { name: 'auth exception', status: 401, code: 0, message: '(#0) AuthException', expected: 'UNAUTHORIZED' },
      {
        name: 'missing permission',
        status: 403,
        code: 10,
        message: '(#10) Application does not have permission for this action',
        expected: 'FORBIDDEN',
      },
      { name: 'API permission range', status: 403, code: 200, message: '(#200) Permissions error', expected: 'FORBIDDEN' },
      { name: 'app call limit', status: 400, code: 4, message: '(#4) Application request limit reached', expected: 'RATE_LIMITED', retryAfterMs: 60_000 },
      { name: 'account rate limit', status: 400, code: 80007, message: '(#80007) Rate limit issues', expected: 'RATE_LIMITED', retryAfterMs: 60_000 },
      {
        name: 'throughput',
        status: 400,
        code: 130429,
        message: '(#130429) Rate limit hit',
        details: 'Cloud API message throughput has been reached.',
        expected: 'RATE_LIMITED',
        retryAfterMs: 1_000,
      },
      { name: 'spam rate limit', status: 400, code: 131048, message: '(#131048) Spam rate limit hit', expected: 'RATE_LIMITED', retryAfterMs: 60_000 },
      {
        name: 'pair rate limit',
        status: 400,
        code: 131056,
        message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
        details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
        expected: 'RATE_LIMITED',
        retryAfterMs: 6_000,
      },
      {
        name: 'undeliverable',
        status: 400,
        code: 131026,
        message: '(#131026) Message undeliverable',
        details: 'Message Undeliverable.',
        expected: 'INVALID_NUMBER',
      },
      { name: 'recipient is sender', status: 400, code: 131021, message: '(#131021) Recipient cannot be sender', expected: 'INVALID_NUMBER' },
      {
        name: 're-engagement',
        status: 400,
        code: 131047,
        message: '(#131047) Re-engagement message',
        details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        expected: 'OUTSIDE_WINDOW',
      },
      {
        name: 'parameter count',
        status: 400,
        code: 132000,
        message: '(#132000) Number of parameters does not match the expected number of params',
        details: 'body: number of localizable_params (2) does not match the expected number of params (3)',
        expected: 'VALIDATION',
      },
      {
        name: 'unknown template',
        status: 404,
        code: 132001,
        message: '(#132001) Template name does not exist in the translation',
        details: 'template name (order_update) does not exist in en_GB',
        expected: 'VALIDATION',
      },
      { name: 'parameter format', status: 400, code: 132012, message: '(#132012) Parameter format does not match format in the created template', expected: 'VALIDATION' },
      { name: 'missing parameter', status: 400, code: 131008, message: '(#131008) Required parameter is missing', expected: 'VALIDATION' },
      { name: 'invalid parameter', status: 400, code: 100, message: '(#100) Invalid parameter', expected: 'VALIDATION' },
      {
        name: 'something went wrong',
        status: 500,
        code: 131000,
        message: '(#131000) Something went wrong',
        details: 'Message failed to send due to an unknown error.',
        expected: 'UNKNOWN',
      },
    ];

    it.each(errorCases)('maps Graph error $code ($name) to $expected', async (errorCase) => {
      const body = graphError({
        message: errorCase.message,
        code: errorCase.code,
        ...(errorCase.details === undefined ? {} : { details: errorCase.details }),
      });
      graph.failNext({ status: errorCase.status, body });

      const error = await rejectionOf(gateway().send(orderUpdateMessage(), sender));

      expect(error.code).toBe(errorCase.expected);
      expect(error.message).toContain(errorCase.message);
      expect(error.message).toContain(`Graph error ${errorCase.code}`);
      expect(error.message).toContain(String(body.error.fbtrace_id));
      if (errorCase.details !== undefined) expect(error.message).toContain(errorCase.details);
      expect(error.retryAfterMs).toBe(errorCase.retryAfterMs);
    });

    it('keeps the error subcode in the message', async () => {
      graph.failNext({
        status: 401,
        body: graphError({ message: 'Error validating access token: Session has expired', code: 190, error_subcode: 463 }),
      });

      const error = await rejectionOf(gateway().send(orderUpdateMessage(), sender));

      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.message).toContain('subcode 463');
    });

    it('prefers a Retry-After header over the default wait', async () => {
      graph.failNext({
        status: 429,
        body: graphError({ message: '(#130429) Rate limit hit', code: 130429 }),
        headers: { 'Retry-After': '30' },
      });

      const error = await rejectionOf(gateway().send(orderUpdateMessage(), sender));

      expect(error.code).toBe('RATE_LIMITED');
      expect(error.retryAfterMs).toBe(30_000);
    });

    it('maps a 5xx without a Graph error body (an outage page) to NETWORK', async () => {
      graph.failNext({ status: 502, body: '<html><body>Bad Gateway</body></html>' });

      const error = await rejectionOf(gateway().send(orderUpdateMessage(), sender));

      expect(error.code).toBe('NETWORK');
      expect(error.message).toContain('HTTP 502');
    });

    it('maps an unreachable Graph API to NETWORK', async () => {
      const closed = await startFakeGraphApi({ accessToken, phoneNumberId, businessAccountId });
      const closedUrl = closed.url;
      await closed.close();

      const error = await rejectionOf(gateway({ graphUrl: closedUrl }).send(orderUpdateMessage(), sender));

      expect(error.code).toBe('NETWORK');
      expect(error.message).toContain(closedUrl);
      expect(error.message).toContain('ECONNREFUSED');
    });

    it('rejects an answer without a message id as UNKNOWN', async () => {
      graph.failNext({ status: 200, body: { messaging_product: 'whatsapp', messages: [] } });

      const error = await rejectionOf(gateway().send(orderUpdateMessage(), sender));

      expect(error.code).toBe('UNKNOWN');
      expect(error.message).toContain('without a message id');
    });
  });

  describe('listTemplates', () => {
    it('follows paging.next until the last page and returns the templates verbatim', async () => {
      const listed = await gateway().listTemplates();

      expect(listed).toEqual(templates);
      expect(graph.requests).toHaveLength(Math.ceil(templates.length / 5));
      for (const request of graph.requests) {
        expect(request.method).toBe('GET');
        expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
      }
      const first = new URL(graph.requests[0]!.url, graph.url);
      expect(first.pathname).toBe(`/${defaultGraphApiVersion}/${businessAccountId}/message_templates`);
      expect(first.searchParams.get('limit')).toBe('100');
      expect(first.searchParams.get('fields')?.split(',')).toEqual(
        expect.arrayContaining(['id', 'name', 'language', 'status', 'category', 'parameter_format', 'components']),
      );
      expect(new URL(graph.requests[1]!.url, graph.url).searchParams.get('after')).toBe('5');
    });

    it('answers an empty list for an account without templates', async () => {
      const empty = await startFakeGraphApi({ accessToken, phoneNumberId, businessAccountId, templates: [] });
      try {
        await expect(gateway({ graphUrl: empty.url }).listTemplates()).resolves.toEqual([]);
      } finally {
        await empty.close();
      }
    });

    it('does not follow a next link to another host (the token would go with it)', async () => {
      const elsewhere = await startFakeGraphApi({ accessToken, phoneNumberId, businessAccountId, templates });
      const paged = await startFakeGraphApi({
        accessToken,
        phoneNumberId,
        businessAccountId,
        templates,
        pageSize: 5,
        firstPageNext: `${elsewhere.url}/${defaultGraphApiVersion}/${businessAccountId}/message_templates?after=5`,
      });
      try {
        const error = await rejectionOf(gateway({ graphUrl: paged.url }).listTemplates());

        expect(error.code).toBe('UNKNOWN');
        expect(error.message).toContain(elsewhere.url);
        expect(elsewhere.requests).toHaveLength(0);
      } finally {
        await Promise.all([elsewhere.close(), paged.close()]);
      }
    });

    it('maps a Graph error on a page like a send error', async () => {
      graph.failNext({ status: 403, body: graphError({ message: '(#200) Permissions error', code: 200 }) });

      const error = await rejectionOf(gateway().listTemplates());

      expect(error.code).toBe('FORBIDDEN');
    });

    it('stops with the AbortError when the signal fires', async () => {
      const controller = new AbortController();
      controller.abort();

      await expect(gateway().listTemplates(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    });
  });

  describe('describeSender', () => {
    it('reads the business number from /{phone-number-id} and answers it as a sender', async () => {
      const sender = await gateway().describeSender();

      expect(sender).toEqual({
        id: `whatsapp-${phoneNumberId}`,
        channel: 'whatsapp',
        phone: '+16315555555',
        displayName: "Jasper's Market",
        status: 'connected',
        qualityRating: 'GREEN',
      });
      expect(graph.requests).toHaveLength(1);
      const request = graph.requests[0]!;
      expect(request.method).toBe('GET');
      expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
      const url = new URL(request.url, graph.url);
      expect(url.pathname).toBe(`/${defaultGraphApiVersion}/${phoneNumberId}`);
      expect(url.searchParams.get('fields')?.split(',')).toEqual([
        'display_phone_number',
        'verified_name',
        'quality_rating',
        'code_verification_status',
        'name_status',
        'status',
      ]);
    });

    it.each([
      ['CONNECTED', 'connected'],
      ['FLAGGED', 'flagged'],
      ['RESTRICTED', 'restricted'],
      ['PENDING', 'disconnected'],
      ['BANNED', 'disconnected'],
      ['DISCONNECTED', 'disconnected'],
      ['RATE_LIMITED', 'disconnected'],
    ])('maps the number status %s to %s', async (status, expected) => {
      graph.setPhoneNumber({ ...defaultPhoneNumber, status });

      expect((await gateway().describeSender()).status).toBe(expected);
    });

    it('maps a number without a status to disconnected (it cannot be trusted to send)', async () => {
      const { status: _status, ...withoutStatus } = defaultPhoneNumber;
      graph.setPhoneNumber(withoutStatus);

      expect((await gateway().describeSender()).status).toBe('disconnected');
    });

    it.each([
      ['GREEN', 'GREEN'],
      ['YELLOW', 'YELLOW'],
      ['RED', 'RED'],
      ['UNKNOWN', 'UNKNOWN'],
      ['NA', 'UNKNOWN'],
    ])('maps the quality rating %s to %s', async (rating, expected) => {
      graph.setPhoneNumber({ ...defaultPhoneNumber, quality_rating: rating });

      expect((await gateway().describeSender()).qualityRating).toBe(expected);
    });

    it('leaves the quality rating out when Meta gives none', async () => {
      const { quality_rating: _rating, ...withoutRating } = defaultPhoneNumber;
      graph.setPhoneNumber(withoutRating);

      expect(await gateway().describeSender()).not.toHaveProperty('qualityRating');
    });

    it.each([
      ['+1 631-555-5555', '+16315555555'],
      ['16505551234', '+16505551234'],
      ['+55 11 98765-4321', '+5511987654321'],
      // Meta's test numbers are not valid to libphonenumber; webhooks name them by their digits.
      ['15550783881', '+15550783881'],
      ['+1 555-078-3881', '+15550783881'],
    ])('writes the display number %s as %s', async (display, expected) => {
      graph.setPhoneNumber({ ...defaultPhoneNumber, display_phone_number: display });

      expect((await gateway().describeSender()).phone).toBe(expected);
    });

    it('refuses a display number that is not a phone number', async () => {
      graph.setPhoneNumber({ ...defaultPhoneNumber, display_phone_number: '12-34' });

      const error = await rejectionOf(gateway().describeSender());

      expect(error.code).toBe('UNKNOWN');
      expect(error.message).toContain('12-34');
    });

    it('maps a wrong token to UNAUTHORIZED, like a send', async () => {
      const error = await rejectionOf(gateway({ accessToken: 'not-the-token' }).describeSender());

      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.message).toContain('Graph error 190');
    });

    it('keeps Meta\'s words when the phone number id is wrong', async () => {
      const error = await rejectionOf(
        createCloudApiGateway({ accessToken, phoneNumberId: '999', businessAccountId, graphUrl: graph.url }).describeSender(),
      );

      expect(error.message).toContain("Object with ID '999' does not exist");
      expect(error.message).toContain('Graph error 100');
    });

    it('refuses an answer without a display number or name as UNKNOWN', async () => {
      graph.failNext({ status: 200, body: { id: phoneNumberId, quality_rating: 'GREEN' } });

      const error = await rejectionOf(gateway().describeSender());

      expect(error.code).toBe('UNKNOWN');
      expect(error.message).toContain('display_phone_number');
    });

    it('stops with the AbortError when the signal fires', async () => {
      const controller = new AbortController();
      controller.abort();

      await expect(gateway().describeSender(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    });
  });

  it('says which option is missing', () => {
    expect(() => createCloudApiGateway({ accessToken: '', phoneNumberId, businessAccountId })).toThrow(/accessToken/);
  });
});
