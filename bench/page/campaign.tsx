// The CampaignProgress bench page: a running campaign of 10,000 recipients whose counts move on
// while the page measures frames and long tasks. Driven by bench/campaign.mjs through `window.bench`.
import { Profiler } from 'react';
import type { ProfilerOnRenderCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { CampaignProgress } from '../../src/components/campaign-progress/index';
import type { ReachoutDataProvider } from '../../src/core/provider';
import type { Campaign, CampaignRecipient, Page, ReachoutEvent } from '../../src/core/types';
import { ReachoutProvider } from '../../src/data/index';
import { createMemoryProvider, fixtures, generateContacts } from '../../src/testing/index';
import '../../src/styles.css';

const total = 10_000;
const recipients = generateContacts(total, 19).map(({ optedOut: _optedOut, ...contact }) => contact);
const provider = createMemoryProvider({ ...fixtures, contacts: recipients, verify: () => 'success' });
const template = fixtures.templates.find((candidate) => candidate.name === 'order_update')!;
const createBenchCampaign = () => provider.createCampaign({
  input: {
    idempotencyKey: 'bench',
    name: 'Bench',
    senderId: 'sender-support',
    template: { id: template.id, name: template.name, language: template.language },
    parameters: { header: { type: 'text', text: '#1' }, body: { '1': 'there', '2': 'DHL', '3': 'Friday' } },
    audience: { contactIds: recipients.map((contact) => contact.id) },
    scheduledAt: null,
  },
});
let campaignId = '';

/**
 * `replay` takes the memory provider's queue off the measured time: its steps run before the
 * measure, each recorded as the campaign and the recipients' first page, and the updates then
 * replay them as a backend's events would arrive (its work done elsewhere). `live` runs each step
 * in the page, as a story does.
 */
type ProviderMode = 'live' | 'replay';
let mode: ProviderMode = 'live';
const snapshots: Array<{ campaign: Campaign; firstPage: Page<CampaignRecipient> }> = [];
let shown = 0;
const replayListeners = new Set<(event: ReachoutEvent) => void>();
const replayProvider: ReachoutDataProvider = {
  ...provider,
  getCampaign: async () => structuredClone(snapshots[shown]!.campaign),
  listCampaignRecipients: async (params, context) =>
    (params.cursor ?? null) === null && params.status === undefined ? structuredClone(snapshots[shown]!.firstPage) : provider.listCampaignRecipients(params, context),
  subscribe: (listener) => {
    replayListeners.add(listener);
    return () => replayListeners.delete(listener);
  },
};
async function record(steps: number, perUpdate: number) {
  const snapshot = async () => ({
    campaign: await provider.getCampaign({ id: campaignId }),
    firstPage: await provider.listCampaignRecipients({ campaignId, cursor: null, limit: 100 }),
  });
  snapshots.push(await snapshot());
  for (let step = 0; step < steps; step += 1) {
    provider.control.advanceCampaigns({ turns: perUpdate });
    snapshots.push(await snapshot());
  }
}
/** React's own account of the widget's renders (the page is built with React's profiling build). */
let renderMs = 0;
let commits = 0;
const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
  renderMs += actualDuration;
  commits += 1;
};
/** Time spent in the memory provider's queue steps, which run on this page's main thread too. */
let providerMs = 0;
const container = document.getElementById('root')!;
const now = () => performance.now();

let longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => {
  longTasks.push(...list.getEntries());
}).observe({ type: 'longtask', buffered: true });

function whenShown(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (container.querySelector('[role="progressbar"]') && container.querySelector('[data-status]') ? resolve() : requestAnimationFrame(check));
    check();
  });
}

const bench = {
  /** Mounts the widget over the `live` provider, or over a `replay` of `steps` steps of `perUpdate` recipients. */
  async mount(providerMode: ProviderMode = 'live', steps = 20, perUpdate = 80) {
    mode = providerMode;
    campaignId = (await createBenchCampaign()).id;
    if (mode === 'replay') await record(steps, perUpdate);
    const t0 = now();
    createRoot(container).render(
      <ReachoutProvider dataProvider={mode === 'replay' ? replayProvider : provider}>
        <div style={{ inlineSize: 800 }}>
          <Profiler id="campaign-progress" onRender={onRender}>
            <CampaignProgress campaignId={campaignId} />
          </Profiler>
        </div>
      </ReachoutProvider>,
    );
    await whenShown();
    return { mountMs: now() - t0 };
  },
  /** `updates` campaign.updated events, `intervalMs` apart, `perUpdate` recipients each, with frames timed throughout. */
  async updates(updates: number, intervalMs: number, perUpdate: number) {
    longTasks = [];
    renderMs = 0;
    commits = 0;
    providerMs = 0;
    const frames: number[] = [];
    let running = true;
    let last = -1;
    const frame = (timestamp: number) => {
      if (last >= 0) frames.push(timestamp - last);
      last = timestamp;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    for (let index = 0; index < updates; index += 1) {
      const started = now();
      if (mode === 'replay') {
        shown = Math.min(shown + 1, snapshots.length - 1);
        const event: ReachoutEvent = { type: 'campaign.updated', campaign: structuredClone(snapshots[shown]!.campaign) };
        for (const listener of replayListeners) listener(event);
      } else {
        provider.control.advanceCampaigns({ turns: perUpdate });
      }
      providerMs += now() - started;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    running = false;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sorted = [...frames].sort((a, b) => a - b);
    const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
    return {
      frames: frames.length,
      frameP50: pick(50),
      frameP95: pick(95),
      frameMax: sorted.at(-1) ?? NaN,
      longTasks: longTasks.filter((task) => task.duration > 50).length,
      longTaskMaxMs: longTasks.reduce((max, task) => Math.max(max, task.duration), 0),
      renderMs,
      commits,
      providerMs,
      doneText: container.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext'),
    };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
