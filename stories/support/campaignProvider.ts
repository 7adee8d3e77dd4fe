// The campaign widgets' stories and tests run on the real memory provider: every campaign state
// below (scheduled, running part way, paused, completed with failures, cancelled) is reached by
// creating campaigns and moving them on with `control.advanceCampaigns({ turns })`, so the
// counts, skips, failure reasons and events are the ones core's rules give.
import type { ReachoutDataProvider } from '../../src/core/provider';
import type { CampaignInput, Contact } from '../../src/core/types';
import { createMemoryProvider, fixtures, generateContacts } from '../../src/testing';
import type { LatencyOption, MemoryProvider } from '../../src/testing';

type CampaignMethodName = 'previewCampaign' | 'createCampaign' | 'getCampaign' | 'listCampaigns' | 'listCampaignRecipients' | 'updateCampaign';
const campaignMethodNames: readonly CampaignMethodName[] = [
  'previewCampaign',
  'createCampaign',
  'getCampaign',
  'listCampaigns',
  'listCampaignRecipients',
  'updateCampaign',
];

/** The seeded campaigns, oldest first: created in this order, so `campaign-1` is the cancelled one. */
const seeds = [
  { key: 'cancelled', name: 'Survey (wrong link)', recipients: 500 },
  { key: 'completed', name: 'Black Friday follow-up', recipients: 600 },
  { key: 'paused', name: 'Store reopening', recipients: 800 },
  { key: 'running', name: 'Order delays, week 48', recipients: 2400 },
  { key: 'scheduled', name: 'December newsletter', recipients: 0 },
] as const;

type SeedKey = (typeof seeds)[number]['key'];

/** Each seeded campaign's id and name (the memory provider numbers campaigns as it creates them). */
export const campaignFixtures = Object.fromEntries(
  seeds.map((seed, index) => [seed.key, { id: `campaign-${index + 1}`, name: seed.name }]),
) as Record<SeedKey, { id: string; name: string }>;

const senderId = 'sender-support';
const orderUpdate = fixtures.templates.find((template) => template.name === 'order_update');
if (!orderUpdate) throw new Error('fixtures lost the order_update template');

/** The campaigns' recipients: generated contacts, one slice per campaign (some opted out: skipped). */
const audienceContacts: Contact[] = generateContacts(
  seeds.reduce((sum, seed) => sum + seed.recipients, 0),
  48,
);

/** About one number in 25 cannot receive WhatsApp messages (error 131026 at the send). */
const unreachable = (phone: string) => Number(phone.slice(-2)) % 25 === 7;

export interface CampaignProviderOptions {
  /** Seed the five campaigns (else the fixtures world without campaigns). @default true */
  seeded?: boolean;
  /** Milliseconds each call takes once seeded, as the memory provider's `latencyMs`. @default 0 */
  latencyMs?: LatencyOption;
  /** Let campaigns move on their own (the memory provider's `campaignStepMs`). @default null */
  campaignStepMs?: LatencyOption | null;
  /** Leave the campaign methods out (a provider without campaigns). @default true */
  supported?: boolean;
}

export type CampaignStoryProvider = MemoryProvider;

const input = (name: string, overrides: Partial<CampaignInput>): CampaignInput => ({
  idempotencyKey: `story-${name}`,
  name,
  senderId,
  template: { id: orderUpdate.id, name: orderUpdate.name, language: orderUpdate.language },
  parameters: { header: { type: 'text', text: '#10423' }, body: { '2': 'DHL Express', '3': 'Friday' } },
  bindings: { 'body.1': 'firstName' },
  audience: { contactIds: [] },
  scheduledAt: null,
  ...overrides,
});

/** Two weeks ahead, at 10:00 UTC. */
const inTwoWeeks = () => {
  const date = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000);
  date.setUTCHours(10, 0, 0, 0);
  return date.toISOString();
};

/** Creates and moves the seeded campaigns through the provider's own methods and controls. */
async function seed(provider: MemoryProvider): Promise<void> {
  let offset = 0;
  const audience = (count: number) => {
    const contactIds = audienceContacts.slice(offset, offset + count).map((contact) => contact.id);
    offset += count;
    return { contactIds };
  };
  const create = (key: SeedKey, overrides: Partial<CampaignInput>) => {
    const { name, recipients } = seeds.find((candidate) => candidate.key === key)!;
    return provider.createCampaign({ input: input(name, { audience: audience(recipients), ...overrides }) });
  };
  const step = (turns: number) => provider.control.advanceCampaigns({ turns });

  // Cancelled after 120 went out: the rest skipped as cancelled.
  const cancelled = await create('cancelled', {});
  step(120);
  await provider.updateCampaign({ id: cancelled.id, action: 'cancel' });
  // Completed: everyone's turn came; failures and skips among them.
  await create('completed', {});
  step(Infinity);
  step(0);
  // Paused part way.
  const paused = await create('paused', {});
  step(300);
  await provider.updateCampaign({ id: paused.id, action: 'pause' });
  // Running: three steps so far (read, delivered, sent), the rest queued.
  await create('running', {});
  step(400);
  step(400);
  step(300);
  // Scheduled: a search audience, resolved when it starts.
  await provider.createCampaign({ input: input(campaignFixtures.scheduled.name, { audience: { search: '' }, scheduledAt: inTwoWeeks() }) });
  provider.control.clearCalls();
}

/**
 * A memory provider over the fixtures world plus the campaigns' recipients, with the five seeded
 * campaigns (unless `seeded: false`), its calls cleared once seeded.
 */
export async function createCampaignProvider(options: CampaignProviderOptions = {}): Promise<CampaignStoryProvider> {
  const seeded = options.seeded ?? true;
  const provider = createMemoryProvider({
    ...fixtures,
    contacts: seeded ? [...fixtures.contacts, ...audienceContacts] : fixtures.contacts,
    verify: (phone) => (unreachable(phone) || phone.endsWith('0000') ? 'failed' : 'success'),
    campaignStepMs: options.campaignStepMs ?? null,
  });
  if (seeded) await seed(provider);
  provider.control.setLatency(options.latencyMs ?? 0);
  if (options.supported === false) {
    // Without campaigns: a host provider that never had the methods.
    const withoutCampaigns: Partial<ReachoutDataProvider> = { ...provider };
    for (const method of campaignMethodNames) delete withoutCampaigns[method];
    return withoutCampaigns as CampaignStoryProvider;
  }
  return provider;
}
