// The benchmark page: one implementation over generated contacts, driven by bench/run.mjs
// through `window.bench`. Four implementations over the same data:
//   ours    — <ContactList> inside <ReachoutProvider> over the memory provider (no latency)
//   virtual — a bare @tanstack/react-virtual list (the floor: virtualization alone)
//   query   — the same bare list fed by the memory provider through TanStack Query, pages of 50
//             (the async floor: what any list pays that gets its rows from a provider)
//   naive   — a plain <table> with every row (what users get without virtualization)
//   multiple — ours with selectionMode="multiple" (checkbox column), 1,000 contacts picked at mount
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { keepPreviousData, QueryClient, QueryClientProvider, useInfiniteQuery } from '@tanstack/react-query';
import { ContactList } from '../../src/components/contact-list/index';
import { ReachoutProvider } from '../../src/data/index';
import { createMemoryProvider, generateContacts } from '../../src/testing/index';
import type { Contact } from '../../src/core/types';
import '../../src/styles.css';

type Impl = 'ours' | 'virtual' | 'query' | 'naive' | 'multiple';

const rowHeight = 56;
const listHeight = 600;
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

let contacts: Contact[] = [];
let lowered: { name: string; email: string; phone: string }[] = [];
let provider: ReturnType<typeof createMemoryProvider> | null = null;
let impl: Impl = 'ours';

/** Baselines filter in memory: lower-cased name, email or phone contains the query. */
function filter(query: string): Contact[] {
  const q = query.trim().toLowerCase();
  if (q === '') return contacts;
  const out: Contact[] = [];
  for (let i = 0; i < contacts.length; i += 1) {
    const l = lowered[i]!;
    if (l.name.includes(q) || l.email.includes(q) || l.phone.includes(q)) out.push(contacts[i]!);
  }
  return out;
}

function Cells({ contact }: { contact: Contact }) {
  return (
    <>
      <td style={{ width: '30%' }}>{contact.name}</td>
      <td style={{ width: '20%' }}>{contact.phone}</td>
      <td style={{ width: '30%' }}>{contact.email}</td>
      <td style={{ width: '20%' }}>{dateFormat.format(new Date(contact.createdAt))}</td>
    </>
  );
}

function useBaselineSearch() {
  const [search, setSearch] = useState('');
  const rows = useMemo(() => filter(search), [search]);
  const rootRef = useRef<HTMLDivElement>(null);
  // Marks the committed query so the runner knows the filtered rows are in the DOM.
  useLayoutEffect(() => {
    if (rootRef.current) rootRef.current.dataset.query = search;
  }, [rows, search]);
  const input = (
    <input
      type="search"
      aria-label="Search contacts"
      value={search}
      onChange={(event: ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
    />
  );
  return { rows, rootRef, input };
}

function VirtualRows({ rows, onRangeEnd }: { rows: Contact[]; onRangeEnd?: (lastIndex: number) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => onRangeEnd?.(lastIndex), [lastIndex, onRangeEnd]);
  return (
    <div ref={scrollRef} data-bench-scroller="" style={{ height: listHeight, overflow: 'auto' }}>
      <table style={{ height: virtualizer.getTotalSize(), width: '100%', position: 'relative', display: 'block' }}>
        <tbody>
          {items.map((item) => {
            const contact = rows[item.index]!;
            return (
              <tr
                key={contact.id}
                data-contact-id={contact.id}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: rowHeight,
                  display: 'flex',
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <Cells contact={contact} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function VirtualList() {
  const { rows, rootRef, input } = useBaselineSearch();
  return (
    <div ref={rootRef} data-bench-root="">
      {input}
      <VirtualRows rows={rows} />
    </div>
  );
}

const benchQueryClient = new QueryClient();

/** The bare list over the provider: TanStack Query pages, loaded as the window nears their end. */
function QueryList() {
  const [search, setSearch] = useState('');
  const query = search.trim();
  const result = useInfiniteQuery({
    queryKey: ['bench-contacts', query],
    queryFn: ({ pageParam, signal }) =>
      provider!.listContacts({ ...(query ? { search: query } : {}), cursor: pageParam, limit: 50 }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isPlaceholderData } = result;
  const onRangeEnd = useMemo(
    () => (lastIndex: number) => {
      if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 10) void fetchNextPage();
    },
    [hasNextPage, isFetchingNextPage, fetchNextPage, rows.length],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (rootRef.current && result.data && !isPlaceholderData) rootRef.current.dataset.query = search;
  }, [result.data, isPlaceholderData, search]);
  return (
    <div ref={rootRef} data-bench-root="">
      <input
        type="search"
        aria-label="Search contacts"
        value={search}
        onChange={(event: ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
      />
      <VirtualRows rows={rows} onRangeEnd={onRangeEnd} />
    </div>
  );
}

function NaiveList() {
  const { rows, rootRef, input } = useBaselineSearch();
  return (
    <div ref={rootRef} data-bench-root="">
      {input}
      <div data-bench-scroller="" style={{ height: listHeight, overflow: 'auto' }}>
        <table style={{ width: '100%' }}>
          <tbody>
            {rows.map((contact) => (
              <tr key={contact.id} data-contact-id={contact.id} style={{ height: rowHeight }}>
                <Cells contact={contact} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Ours() {
  return (
    <div style={{ height: listHeight + 120 }}>
      {/* searchDebounceMs 0: keystroke latency measures the widget, not its deliberate pause. */}
      <ContactList searchDebounceMs={0} />
    </div>
  );
}

/** Every other contact of the first 2,000 picked: the rows draw ticked and unticked ones. */
let pickedAtMount: string[] = [];

function OursMultiple() {
  return (
    <div style={{ height: listHeight + 120 }}>
      <ContactList searchDebounceMs={0} selectionMode="multiple" defaultSelection={{ contactIds: pickedAtMount }} />
    </div>
  );
}

// ---- measurement helpers ----------------------------------------------------------------
const container = document.getElementById('root')!;
const now = () => performance.now();

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(now());
      channel.port2.postMessage(null);
    });
  });
}

/** Resolves when `condition` holds, checked on every DOM mutation. */
function when(condition: () => boolean, timeoutMs = 600_000): Promise<void> {
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
    observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const rowCount = () => container.querySelectorAll('[data-contact-id]').length;
const scroller = () =>
  container.querySelector<HTMLElement>(isOurs() ? '[data-slot="contact-list-viewport"]' : '[data-bench-scroller]')!;
function isOurs(): boolean {
  return impl === 'ours' || impl === 'multiple';
}
const searchBox = () => container.querySelector<HTMLInputElement>('input[type="search"]')!;

function settled(query: string): boolean {
  if (isOurs()) {
    // The box shows the query, nothing is stale, and the grid (or the no-results panel) is there.
    return searchBox()?.value === query && container.querySelector('[data-stale]') === null &&
      container.querySelector('[aria-busy="true"]') === null;
  }
  return container.querySelector<HTMLElement>('[data-bench-root]')?.dataset.query === query;
}

let longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => {
  longTasks.push(...list.getEntries());
}).observe({ type: 'longtask', buffered: true });

let pendingKey: Promise<number> | null = null;
let root: ReturnType<typeof createRoot> | null = null;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const bench = {
  /** Generates the data (and the provider) before anything is timed. */
  prepare(which: Impl, n: number) {
    impl = which;
    const t0 = now();
    contacts = generateContacts(n, 1);
    lowered = contacts.map((c) => ({ name: c.name.toLowerCase(), email: (c.email ?? '').toLowerCase(), phone: c.phone }));
    if (isOurs() || impl === 'query') provider = createMemoryProvider({ contacts, latencyMs: 0 });
    pickedAtMount = contacts.slice(0, 2000).filter((_, index) => index % 2 === 0).map((contact) => contact.id);
    return { generateMs: now() - t0 };
  },
  /** Mount to first rows painted. */
  async mount() {
    longTasks = [];
    const t0 = now();
    root = createRoot(container);
    root.render(
      impl === 'ours' ? (
        <ReachoutProvider dataProvider={provider!}>
          <Ours />
        </ReachoutProvider>
      ) : impl === 'multiple' ? (
        <ReachoutProvider dataProvider={provider!}>
          <OursMultiple />
        </ReachoutProvider>
      ) : impl === 'virtual' ? (
        <VirtualList />
      ) : impl === 'query' ? (
        <QueryClientProvider client={benchQueryClient}>
          <QueryList />
        </QueryClientProvider>
      ) : (
        <NaiveList />
      ),
    );
    await when(() => rowCount() > 0);
    const t1 = await afterPaint();
    return {
      mountMs: t1 - t0,
      domRows: rowCount(),
      domNodes: container.getElementsByTagName('*').length,
      mountLongTasks: longTasks.length,
    };
  },
  /** A scripted fling: `steps` frames, `px` further each frame. */
  async scroll(steps: number, px: number) {
    const element = scroller();
    await afterPaint();
    longTasks = [];
    const frames: number[] = [];
    let maxRows = 0;
    const start = now();
    await new Promise<void>((resolve) => {
      let last = -1;
      let step = 0;
      const frame = (timestamp: number) => {
        if (last >= 0) frames.push(timestamp - last);
        last = timestamp;
        maxRows = Math.max(maxRows, rowCount());
        if (step === steps) {
          resolve();
          return;
        }
        step += 1;
        element.scrollTop += px;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    // Let the last long task (if any) be reported.
    await afterPaint();
    await new Promise((r) => setTimeout(r, 50));
    const sorted = [...frames].sort((a, b) => a - b);
    const reachedPx = element.scrollTop;
    element.scrollTop = 0;
    await afterPaint();
    return {
      scrollMs: now() - start,
      reachedPx,
      maxDomRows: maxRows,
      longTasks: longTasks.filter((t) => t.duration > 50).length,
      longTaskMaxMs: longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
      frameP50: percentile(sorted, 50),
      frameP95: percentile(sorted, 95),
      frameMax: sorted[sorted.length - 1] ?? NaN,
    };
  },
  /**
   * "Select all" (multiple only): from the click to every rendered row ticked and painted, and
   * how many contact pages the provider was asked for meanwhile.
   */
  async selectAll() {
    const pagesBefore = provider!.control.calls.filter((call) => call.method === 'listContacts').length;
    longTasks = [];
    const t0 = now();
    container.querySelector<HTMLInputElement>('[data-slot="contact-list-select-all"]')!.click();
    await when(() => [...container.querySelectorAll('[data-contact-id]')].every((row) => row.getAttribute('aria-selected') === 'true'));
    const t1 = await afterPaint();
    // Anything the click set off (a page fetch) has had a task to start in.
    await new Promise((r) => setTimeout(r, 100));
    const pagesAfter = provider!.control.calls.filter((call) => call.method === 'listContacts').length;
    return { selectAllMs: t1 - t0, selectAllPageFetches: pagesAfter - pagesBefore, selectAllLongTasks: longTasks.length };
  },
  /** Unmounts the list, so a second mount can be timed on a warm page (profiling only). */
  unmount() {
    root?.unmount();
    root = null;
  },
  focusSearch() {
    searchBox().focus();
  },
  /** Arms a keystroke measurement: from keydown to the rows for `query` painted. */
  armKey(query: string) {
    pendingKey = new Promise<number>((resolve, reject) => {
      const onKeyDown = () => {
        document.removeEventListener('keydown', onKeyDown, true);
        const t0 = now();
        // The settled check must not pass on the previous query's DOM: wait for the box to change.
        when(() => searchBox().value === query)
          .then(() => when(() => settled(query)))
          .then(afterPaint)
          .then((t1) => resolve(t1 - t0), reject);
      };
      document.addEventListener('keydown', onKeyDown, true);
    });
  },
  async keyResult() {
    const ms = await pendingKey!;
    return { ms, rows: rowCount() };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
