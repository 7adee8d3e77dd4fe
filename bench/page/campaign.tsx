// The CampaignProgress bench page: a running campaign of 10,000 recipients whose counts move on
// while the page measures frames and long tasks. Driven by bench/campaign.mjs through `window.bench`.
import { createRoot } from 'react-dom/client';
import { CampaignProgress } from '../../src/components/campaign-progress/index';
import { ReachoutProvider } from '../../src/data/index';
import { campaignFixture, createCampaignProvider } from '../../stories/support/campaignProvider';
import '../../src/styles.css';

const total = 10_000;
const campaign = campaignFixture({
  id: 'campaign-bench',
  name: 'Bench',
  status: 'running',
  counts: { total, skipped: 0, queued: total, sent: 0, delivered: 0, read: 0, failed: 0 },
});
const provider = createCampaignProvider({ campaigns: [campaign] });
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
  async mount() {
    const t0 = now();
    createRoot(container).render(
      <ReachoutProvider dataProvider={provider}>
        <div style={{ inlineSize: 800 }}>
          <CampaignProgress campaignId={campaign.id} />
        </div>
      </ReachoutProvider>,
    );
    await whenShown();
    return { mountMs: now() - t0 };
  },
  /** `updates` campaign.updated events, `intervalMs` apart, `perUpdate` recipients each, with frames timed throughout. */
  async updates(updates: number, intervalMs: number, perUpdate: number) {
    longTasks = [];
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
      provider.campaignControl.advance(campaign.id, perUpdate);
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
      doneText: container.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext'),
    };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
