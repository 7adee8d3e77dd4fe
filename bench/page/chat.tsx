// The ChatThread benchmark page: <ChatThread> over the memory provider (no latency) with a chat
// of 10,000 messages, driven by bench/chat.mjs through `window.chatBench`.
import { createRoot } from 'react-dom/client';
import { ChatThread } from '../../src/components/chat-thread/index';
import { ReachoutProvider } from '../../src/data/index';
import { createMemoryProvider } from '../../src/testing/index';
import { conversation, storyChatId, windowClosingIn } from '../../stories/chat-thread/chatThreadWorld';
import '../../src/styles.css';

const container = document.getElementById('root')!;
const now = () => performance.now();

function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(now());
      channel.port2.postMessage(null);
    });
  });
}

function when(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (condition()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for the DOM'));
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

const hour = 60 * 60 * 1000;
const log = () => document.querySelector<HTMLElement>('[role="log"]');
let pending: Promise<number> | null = null;

const chatBench = {
  /** Mounts a 10,000-message thread: until the newest message is painted. */
  async open(count: number) {
    const world = conversation({ count, lastInboundAt: windowClosingIn(20 * hour) });
    const newest = world.messages.at(-1)!.id;
    const provider = createMemoryProvider({ ...world, latencyMs: 0 });
    const t0 = now();
    createRoot(container).render(
      <ReachoutProvider dataProvider={provider}>
        <div style={{ height: 700, width: 560 }}>
          <ChatThread chatId={storyChatId} />
        </div>
      </ReachoutProvider>,
    );
    await when(() => document.querySelector(`[data-message-id="${newest}"]`) !== null);
    const t1 = await afterPaint();
    // Reported so a run shows the long-task observer works (a mount this size has some).
    return { mountMs: t1 - t0, mountLongTasks: longTasks.length };
  },
  /**
   * Scrolls up, one frame at a time, until `messages` older messages have passed (loading older
   * pages on the way); counts the long tasks meanwhile.
   */
  async scrollBack(messages: number, pxPerFrame: number) {
    const element = log()!;
    // Story messages are numbered oldest first (`story-message-<n>`): the topmost one in view
    // says how far back the thread is.
    const topNumber = () => {
      const top = element.getBoundingClientRect().top;
      const inView = [...element.querySelectorAll<HTMLElement>('[data-slot="chat-thread-message"]')].find(
        (node) => node.getBoundingClientRect().bottom > top,
      );
      return Number(inView?.dataset.messageId?.replace('story-message-', '') ?? Number.NaN);
    };
    const start = topNumber();
    longTasks.length = 0;
    const t0 = now();
    let frames = 0;
    while (start - topNumber() < messages && frames < 5000) {
      element.scrollTop -= pxPerFrame;
      frames += 1;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const t1 = now();
    return { frames, ms: t1 - t0, passed: start - topNumber(), longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks) };
  },
  /** Arms a measurement: keydown → the composer shows `expected` → painted. */
  arm(expected: string) {
    pending = new Promise<number>((resolve, reject) => {
      const onKeyDown = () => {
        document.removeEventListener('keydown', onKeyDown, true);
        const t0 = now();
        const box = document.querySelector<HTMLTextAreaElement>('textarea');
        when(() => box?.value === expected)
          .then(afterPaint)
          .then((t1) => resolve(t1 - t0), reject);
      };
      document.addEventListener('keydown', onKeyDown, true);
    });
  },
  result() {
    return pending!;
  },
};

(window as unknown as { chatBench: typeof chatBench }).chatBench = chatBench;
