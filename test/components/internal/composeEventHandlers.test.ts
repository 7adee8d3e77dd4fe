import { describe, expect, it } from 'vitest';
import { composeEventHandlers } from '../../../src/components/internal/composeEventHandlers';

function fakeEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

describe('composeEventHandlers', () => {
  it("runs the host's handler first, then ours", () => {
    const calls: string[] = [];
    const handler = composeEventHandlers(
      () => calls.push('host'),
      () => calls.push('ours'),
    );
    handler(fakeEvent());
    expect(calls).toEqual(['host', 'ours']);
  });

  it('skips ours when the host called preventDefault', () => {
    const calls: string[] = [];
    const handler = composeEventHandlers<ReturnType<typeof fakeEvent>>(
      (event) => event.preventDefault(),
      () => calls.push('ours'),
    );
    handler(fakeEvent());
    expect(calls).toEqual([]);
  });

  it('works with either handler missing', () => {
    const calls: string[] = [];
    composeEventHandlers(undefined, () => calls.push('ours'))(fakeEvent());
    composeEventHandlers(() => calls.push('host'), undefined)(fakeEvent());
    expect(calls).toEqual(['ours', 'host']);
  });
});
