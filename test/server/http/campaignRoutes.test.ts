import { describe, expect, it } from 'vitest';
import type { Campaign, CampaignPreflight, CampaignRecipient, Page } from 'reachout/core';
import { contactNamed, createTestApp, expectProblem } from './helpers';

let keys = 0;
function campaignBody(overrides: Record<string, unknown> = {}) {
  keys += 1;
  return {
    idempotencyKey: `http-campaign-key-${keys}`,
    name: 'HTTP campaign',
    senderId: 'contract-sender-support',
    template: { id: 'contract-template-order', name: 'contract_order_update', language: 'en_US' },
    parameters: { body: { '2': '#1042' } },
    bindings: { 'body.1': 'firstName' },
    audience: { contactIds: [contactNamed('Oscar Wilde').id] },
    scheduledAt: null,
    ...overrides,
  };
}

describe('/campaigns routes', () => {
  it('previews, creates (201, one per key), reads, lists and pauses a campaign', async () => {
    const { request, postJson } = createTestApp();
    const preview = await postJson('/api/v1/campaigns/preview', { audience: { search: 'maria silva' }, senderId: 'contract-sender-support' });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as CampaignPreflight).total).toBe(2);

    const body = campaignBody({ scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
    const created = await postJson('/api/v1/campaigns', body, { 'Idempotency-Key': body.idempotencyKey });
    expect(created.status).toBe(201);
    const campaign = (await created.json()) as Campaign;
    expect(campaign).toMatchObject({ name: 'HTTP campaign', status: 'scheduled' });
    const repeated = (await (await postJson('/api/v1/campaigns', body, { 'Idempotency-Key': body.idempotencyKey })).json()) as Campaign;
    expect(repeated.id).toBe(campaign.id);

    expect(((await (await request(`/api/v1/campaigns/${campaign.id}`)).json()) as Campaign).id).toBe(campaign.id);
    const listed = (await (await request('/api/v1/campaigns?limit=5')).json()) as Page<Campaign>;
    expect(listed.items.map((item) => item.id)).toEqual([campaign.id]);
    const recipients = (await (await request(`/api/v1/campaigns/${campaign.id}/recipients?status=queued`)).json()) as Page<CampaignRecipient>;
    expect(recipients.items).toEqual([]);

    const paused = await request(`/api/v1/campaigns/${campaign.id}/pause`, { method: 'POST' });
    expect(((await paused.json()) as Campaign).status).toBe('paused');
  });

  it('answers every bad input with a 4xx problem that says what is wrong', async () => {
    const { request, postJson } = createTestApp();
    const body = campaignBody();
    const withoutKey = await expectProblem(await postJson('/api/v1/campaigns', body), 400, 'VALIDATION');
    expect(withoutKey.detail).toBe("Send the header Idempotency-Key with the body's idempotencyKey");

    const noAudience = campaignBody({ audience: { everyone: true } });
    const shape = await expectProblem(await postJson('/api/v1/campaigns', noAudience, { 'Idempotency-Key': noAudience.idempotencyKey }), 400, 'VALIDATION');
    expect(shape.fieldErrors).toHaveProperty('audience');

    const past = campaignBody({ scheduledAt: '2020-01-01T00:00:00Z' });
    const pastProblem = await expectProblem(await postJson('/api/v1/campaigns', past, { 'Idempotency-Key': past.idempotencyKey }), 400, 'VALIDATION');
    expect(pastProblem.fieldErrors?.scheduledAt).toBe('This time has passed: choose a time in the future');

    const stranger = campaignBody({ audience: { contactIds: ['nobody-at-all'] } });
    await expectProblem(await postJson('/api/v1/campaigns', stranger, { 'Idempotency-Key': stranger.idempotencyKey }), 404, 'NOT_FOUND');

    const first = campaignBody();
    await postJson('/api/v1/campaigns', first, { 'Idempotency-Key': first.idempotencyKey });
    const reused = { ...first, name: 'Another name' };
    await expectProblem(await postJson('/api/v1/campaigns', reused, { 'Idempotency-Key': first.idempotencyKey }), 409, 'CONFLICT');

    const badStatus = await expectProblem(await request('/api/v1/campaigns/any/recipients?status=lost'), 400, 'VALIDATION');
    expect(badStatus.fieldErrors?.status).toBe('Use queued, skipped, sent, delivered, read or failed');
    await expectProblem(await request('/api/v1/campaigns/missing-campaign'), 404, 'NOT_FOUND');
    await expectProblem(await request('/api/v1/campaigns/missing-campaign/cancel', { method: 'POST' }), 404, 'NOT_FOUND');
    await expectProblem(
      await request('/api/v1/campaigns/preview', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' }),
      415,
      'VALIDATION',
    );
  });

  it('refuses an action the campaign\'s status does not allow with 409', async () => {
    const { request, postJson } = createTestApp();
    const body = campaignBody({ scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
    const campaign = (await (await postJson('/api/v1/campaigns', body, { 'Idempotency-Key': body.idempotencyKey })).json()) as Campaign;
    await request(`/api/v1/campaigns/${campaign.id}/cancel`, { method: 'POST' });
    const problem = await expectProblem(await request(`/api/v1/campaigns/${campaign.id}/resume`, { method: 'POST' }), 409, 'CONFLICT');
    expect(problem.detail).toBe('A cancelled campaign cannot be resumed');
  });
});
