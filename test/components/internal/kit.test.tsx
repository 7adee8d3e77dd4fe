import { act, cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWidgetContext } from '../../../src/components/internal/createWidgetContext';
import { useDebouncedSearch, useDebouncedValue } from '../../../src/components/internal/useDebouncedValue';
import { useLatestRef } from '../../../src/components/internal/useLatestRef';
import { usePagedListStatus } from '../../../src/components/internal/usePagedListStatus';
import type { PagedQueryState } from '../../../src/components/internal/usePagedListStatus';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('createWidgetContext', () => {
  const { Provider, useWidgetContext, usePartClassName } = createWidgetContext<{ unstyled: boolean; label: string }>('Gadget');

  it('names the part and its Root when a part is used outside it', () => {
    expect(() => renderHook(() => useWidgetContext('Gadget.Knob'))).toThrow(
      '<Gadget.Knob> must be used inside <Gadget.Root> (GadgetRoot).',
    );
    expect(() => renderHook(() => useWidgetContext())).toThrow('<useGadgetContext> must be used inside <Gadget.Root>');
  });

  it("hands parts the Root's value", () => {
    const { result } = renderHook(() => useWidgetContext('Gadget.Knob'), {
      wrapper: ({ children }) => <Provider value={{ unstyled: false, label: 'hi' }}>{children}</Provider>,
    });
    expect(result.current.label).toBe('hi');
  });

  it("merges the part's class with the host's, and drops ours when unstyled by the part or the Root", () => {
    function Knob({ unstyled }: { unstyled?: boolean }) {
      return <span data-testid="knob" className={usePartClassName('Gadget.Knob', 'reachout-gadget__knob', unstyled, 'host')} />;
    }
    const { getAllByTestId } = render(
      <>
        <Provider value={{ unstyled: false, label: '' }}>
          <Knob />
          <Knob unstyled />
        </Provider>
        <Provider value={{ unstyled: true, label: '' }}>
          <Knob />
          <Knob unstyled={false} />
        </Provider>
      </>,
    );
    expect(getAllByTestId('knob').map((knob) => knob.className)).toEqual([
      'reachout-gadget__knob host',
      'host',
      'host',
      'reachout-gadget__knob host',
    ]);
  });

  it('lets parts work alone when the widget has a default value', () => {
    const standalone = createWidgetContext('Solo', { defaultValue: { unstyled: false } });
    const { result } = renderHook(() => standalone.usePartClassName('Solo.Part', 'reachout-solo', undefined, undefined));
    expect(result.current).toBe('reachout-solo');
  });
});

describe('useLatestRef', () => {
  it('holds the value of the latest render', () => {
    const { result, rerender } = renderHook(({ value }) => useLatestRef(value), { initialProps: { value: 1 } });
    const ref = result.current;
    rerender({ value: 2 });
    expect(result.current).toBe(ref);
    expect(ref.current).toBe(2);
  });
});

describe('useDebouncedValue', () => {
  it('follows the value only after it stops changing for the delay', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, 100), { initialProps: { value: 'a' } });
    rerender({ value: 'ab' });
    act(() => vi.advanceTimersByTime(60));
    rerender({ value: 'abc' });
    act(() => vi.advanceTimersByTime(60));
    expect(result.current).toBe('a');
    act(() => vi.advanceTimersByTime(40));
    expect(result.current).toBe('abc');
  });

  it('follows at once with no delay', () => {
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, 0), { initialProps: { value: 'a' } });
    rerender({ value: 'b' });
    expect(result.current).toBe('b');
  });
});

describe('useDebouncedSearch', () => {
  it('trims the search, waits for a pause, and says while it is settling', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ search }) => useDebouncedSearch(search, 100), { initialProps: { search: '' } });
    rerender({ search: ' ana ' });
    expect(result.current).toEqual({ query: '', isSettling: true });
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toEqual({ query: 'ana', isSettling: false });
  });

  it('answers an emptied box in the same render', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ search }) => useDebouncedSearch(search, 100), { initialProps: { search: 'ana' } });
    rerender({ search: '  ' });
    expect(result.current).toEqual({ query: '', isSettling: false });
  });
});

describe('usePagedListStatus', () => {
  function query(overrides: Partial<PagedQueryState> = {}): PagedQueryState {
    return { error: null, isPending: false, hasNextPage: false, fetchNextPage: vi.fn(), refetch: vi.fn(), ...overrides };
  }
  const failure = { name: 'ReachoutError', code: 'NETWORK', message: 'down' } as unknown as PagedQueryState['error'];

  it('prefers loaded items over an error, an error over loading, loading over empty', () => {
    const statusOf = (state: PagedQueryState, count: number) =>
      renderHook(() => usePagedListStatus(state, count, 'no-results')).result.current.status;
    expect(statusOf(query({ error: failure }), 2)).toBe('ready');
    expect(statusOf(query({ error: failure, isPending: true }), 0)).toBe('error');
    expect(statusOf(query({ isPending: true }), 0)).toBe('loading');
    expect(statusOf(query(), 0)).toBe('no-results');
  });

  it('retries the next page when some items loaded, else the first page', () => {
    const withItems = query({ hasNextPage: true, error: failure });
    renderHook(() => usePagedListStatus(withItems, 3)).result.current.retry();
    expect(withItems.fetchNextPage).toHaveBeenCalledTimes(1);
    expect(withItems.refetch).not.toHaveBeenCalled();
    const withNone = query({ error: failure });
    renderHook(() => usePagedListStatus(withNone, 0)).result.current.retry();
    expect(withNone.refetch).toHaveBeenCalledTimes(1);
  });
});
