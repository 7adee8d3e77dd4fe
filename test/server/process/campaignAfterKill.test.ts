import fs from 'node:fs';
import path from 'node:path';
import { type Campaign, type CampaignRecipient, type MessageTemplate, type Page, parseTemplate, type Sender } from 'reachout/core';
import { fixtures } from 'reachout/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGraphApi, startFakeGraphApi } from '../whatsapp/fakeGraphApi';
import { businessAccountId, businessPhoneNumberId } from '../whatsapp/samplePayloads';
import { exampleParameters, json, makeTemporaryDirectory, type ReadyServer, startServer } from './serverProcess';

const accessToken = 'EAAG-campaign-after-kill-token';
const recipientCount = 300;

function environment(graph: FakeGraphApi, dataDir: string): Record<string, string> {
  return {
    WHATSAPP_TOKEN: accessToken,
    WHATSAPP_PHONE_NUMBER_ID: businessPhoneNumberId,
    WHATSAPP_BUSINESS_ACCOUNT_ID: businessAccountId,
    WHATSAPP_APP_SECRET: 'campaign-after-kill-app-secret',
    WHATSAPP_VERIFY_TOKEN: 'campaign-after-kill-verify-token',
    WHATSAPP_GRAPH_URL: graph.url,
    REACHOUT_DATA_DIR: dataDir,
    REACHOUT_SEND_RATE: '40',
    // A recipient claimed by the killed server is taken back after 2 s.
    REACHOUT_JOB_EXPIRE_SECONDS: '2',
    REACHOUT_JOB_SUPERVISE_SECONDS: '1',
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function sentNumbers(graph: FakeGraphApi): string[] {
  return graph.requests
    .filter((request) => request.method === 'POST' && request.url.endsWith('/messages'))
    .map((request) => (request.body as { to: string }).to);
}

async function allRecipients(server: ReadyServer, campaignId: string): Promise<CampaignRecipient[]> {
  const recipients: CampaignRecipient[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: Page<CampaignRecipient> = await json(await server.api(`/campaigns/${campaignId}/recipients${query}`), 200);
    recipients.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return recipients;
}

describe('a campaign whose server is killed with SIGKILL mid-campaign', () => {
  let root: string;
  let graph: FakeGraphApi;
  let server: ReadyServer | undefined;

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    graph = await startFakeGraphApi({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, templates: fixtures.templates });
    server = await startServer(environment(graph, path.join(root, 'data')));
  }, 180_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await graph?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('finishes after the restart, and no recipient gets a second message', async () => {
    const rows = Array.from({ length: recipientCount }, (_, index) => ({
      row: index + 2,
      name: `Campaign Kill ${String(index).padStart(3, '0')}`,
      // French mobiles; none ends in 0000.
      phone: `+3361${String(index).padStart(6, '0')}7`,
    }));
    await json(
      await server!.api('/contacts/imports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'campaign-kill-import' },
        body: JSON.stringify({ idempotencyKey: 'campaign-kill-import', onDuplicate: 'skip', rows }),
      }),
      200,
    );
    const { items: senders } = await json<{ items: Sender[] }>(await server!.api('/senders'), 200);
    const sender = senders[0]!;
    const { items: templates } = await json<{ items: MessageTemplate[] }>(await server!.api(`/senders/${sender.id}/templates?limit=100`), 200);
    const template = templates.find((candidate) => candidate.status === 'APPROVED' && parseTemplate(candidate).mediaHeader === null)!;
    const input = {
      idempotencyKey: 'campaign-kill-0001',
      name: 'Killed mid-campaign',
      senderId: sender.id,
      template: { id: template.id, name: template.name, language: template.language },
      parameters: exampleParameters(template),
      audience: { search: 'campaign kill' },
      scheduledAt: null,
    };
    const campaign = await json<Campaign>(
      await server!.api('/campaigns', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': input.idempotencyKey },
        body: JSON.stringify(input),
      }),
      201,
    );

    await until(() => sentNumbers(graph).length >= 60, 'the first 60 messages reach WhatsApp');
    await server!.stop('SIGKILL');
    const beforeKill = sentNumbers(graph).length;
    expect(beforeKill).toBeLessThan(recipientCount);

    server = await startServer(environment(graph, path.join(root, 'data')));
    let finished: Campaign | undefined;
    await until(async () => {
      finished = await json<Campaign>(await server!.api(`/campaigns/${campaign.id}`), 200);
      return finished.status === 'completed';
    }, 'the campaign completes on the restarted server');

    const numbers = sentNumbers(graph);
    const repeated = numbers.filter((number, index) => numbers.indexOf(number) !== index);
    const recipients = await allRecipients(server!, campaign.id);
    const interrupted = recipients.filter((recipient) => recipient.status === 'failed' && recipient.reason === 'interrupted');
    console.log(
      `campaign after kill -9: ${beforeKill} sent before the kill, ${numbers.length} in all, ${interrupted.length} interrupted (in doubt, not sent again)`,
    );
    expect(repeated).toEqual([]);
    expect(recipients).toHaveLength(recipientCount);
    expect(finished?.counts).toMatchObject({ total: recipientCount, queued: 0, skipped: 0 });
    // Every recipient stored as sent was called exactly once; one cut short by the kill at most once.
    const sent = recipients.filter((recipient) => recipient.status === 'sent');
    expect(sent.length + interrupted.length).toBe(recipientCount);
    for (const recipient of sent) expect(numbers.filter((number) => `+${number.replace(/\D/g, '')}` === recipient.phone)).toHaveLength(1);
    expect(numbers.length).toBeGreaterThanOrEqual(sent.length);
    expect(numbers.length).toBeLessThanOrEqual(sent.length + interrupted.length);
  }, 300_000);
});
