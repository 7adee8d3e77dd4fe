// The wizard benchmark page: <SendMessageWizard> over the memory provider (no latency) with
// 1,000 approved templates, driven by bench/wizard.mjs through `window.wizardBench`.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SendMessageWizard } from '../../src/components/send-message-wizard/index';
import { ReachoutProvider } from '../../src/data/index';
import { createMemoryProvider, fixtures } from '../../src/testing/index';
import type { MessageTemplate } from '../../src/core/types';
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

/** 1,000 approved templates: the fixtures, then copies of order_update under new names. */
function manyTemplates(count: number): MessageTemplate[] {
  const base = fixtures.templates.find((t) => t.name === 'order_update')!;
  const out = [...fixtures.templates];
  for (let i = out.length; i < count; i += 1) {
    out.push({ ...structuredClone(base), id: String(9_000_000_000 + i), name: `shipping_notice_${String(i).padStart(4, '0')}` });
  }
  return out;
}

/**
 * The floor for typing: a bare controlled input whose text a paragraph repeats, measured the same
 * way. What any React field with a live echo costs on this machine (frame alignment included).
 */
function TypingFloor() {
  const [value, setValue] = useState('');
  return (
    <div>
      <label htmlFor="floor-field">Body {'{{2}}'}</label>
      <input id="floor-field" value={value} onChange={(event) => setValue(event.target.value)} />
      <div data-slot="send-message-wizard-preview">
        <p>Your order ships with {value}.</p>
      </div>
    </div>
  );
}

let pending: Promise<number> | null = null;
const preview = () => document.querySelector('[data-slot="send-message-wizard-preview"]');

const wizardBench = {
  async open(templateCount: number) {
    const provider = createMemoryProvider({ templates: manyTemplates(templateCount), latencyMs: 0 });
    const t0 = now();
    createRoot(container).render(
      <ReachoutProvider dataProvider={provider}>
        <SendMessageWizard contactId="contact-ana-lima" open onOpenChange={() => {}} />
      </ReachoutProvider>,
    );
    // First interactive step: the sender choices are there and enabled.
    await when(() => document.querySelector('[role="dialog"] input[type="radio"]:not([disabled])') !== null);
    const t1 = await afterPaint();
    return { openMs: t1 - t0 };
  },
  /** Mounts the typing floor instead of the wizard. */
  async openFloor() {
    createRoot(container).render(<TypingFloor />);
    await when(() => document.querySelector('#floor-field') !== null);
    await afterPaint();
  },
  /** Arms a measurement: keydown → the preview shows `expected` → painted. */
  arm(expected: string) {
    pending = new Promise<number>((resolve, reject) => {
      const onKeyDown = () => {
        document.removeEventListener('keydown', onKeyDown, true);
        const t0 = now();
        when(() => (preview()?.textContent ?? '').includes(expected))
          .then(afterPaint)
          .then((t1) => resolve(t1 - t0), reject);
      };
      document.addEventListener('keydown', onKeyDown, true);
    });
  },
  result() {
    return pending!;
  },
  /** Marks the time of a click, to time the step that follows. */
  armStep(selector: string) {
    pending = new Promise<number>((resolve, reject) => {
      const onClick = () => {
        document.removeEventListener('click', onClick, true);
        const t0 = now();
        when(() => document.querySelector(selector) !== null)
          .then(afterPaint)
          .then((t1) => resolve(t1 - t0), reject);
      };
      document.addEventListener('click', onClick, true);
    });
  },
};

(window as unknown as { wizardBench: typeof wizardBench }).wizardBench = wizardBench;
