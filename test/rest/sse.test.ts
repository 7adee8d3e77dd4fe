import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../src/rest/internal/sse';
import type { ServerSentEvent } from '../../src/rest/internal/sse';

const encoder = new TextEncoder();

function parse(chunks: Array<string | Uint8Array>) {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  const parser = createSseParser({ onEvent: (event) => events.push(event), onRetry: (delay) => retries.push(delay) });
  for (const chunk of chunks) parser.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  return { events, retries, parser };
}

/** Every way to cut `bytes` in two. */
function splitsInTwo(bytes: Uint8Array): Uint8Array[][] {
  return Array.from({ length: bytes.length + 1 }, (_, cut) => [bytes.slice(0, cut), bytes.slice(cut)]);
}

describe('createSseParser', () => {
  it('dispatches an event with its type, data and id', () => {
    const { events, parser } = parse(['id: 7\nevent: ticket.updated\ndata: {"a":1}\n\n']);
    expect(events).toEqual([{ type: 'ticket.updated', data: '{"a":1}', lastEventId: '7' }]);
    expect(parser.lastEventId).toBe('7');
  });

  it('names an event without an event field "message"', () => {
    expect(parse(['data: hello\n\n']).events).toEqual([{ type: 'message', data: 'hello', lastEventId: '' }]);
  });

  it('joins multi-line data with newlines', () => {
    const { events } = parse(['data: first\ndata:second\ndata\ndata:  indented\n\n']);
    expect(events.map((event) => event.data)).toEqual(['first\nsecond\n\n indented']);
  });

  it('treats CRLF, CR and LF alike', () => {
    const { events } = parse(['event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n']);
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['message', '3'],
    ]);
  });

  it('reads a CR and an LF split across chunks as one line break', () => {
    const { events } = parse(['data: 1\r', '\ndata: 2\r', '\n\r', '\n']);
    expect(events.map((event) => event.data)).toEqual(['1\n2']);
  });

  it('ignores comments and unknown fields', () => {
    const { events } = parse([': ping\n:\nfoo: bar\ndata: kept\n: another\n\n']);
    expect(events).toEqual([{ type: 'message', data: 'kept', lastEventId: '' }]);
  });

  it('reports a numeric retry and ignores any other', () => {
    const { retries, events } = parse(['retry: 2500\nretry: 1s\nretry: -1\nretry\n\n']);
    expect(retries).toEqual([2500]);
    expect(events).toEqual([]);
  });

  it('does not dispatch an event without data, but keeps its id', () => {
    const { events, parser } = parse(['id: 4\nevent: nothing\n\ndata: x\n\n']);
    expect(parser.lastEventId).toBe('4');
    expect(events).toEqual([{ type: 'message', data: 'x', lastEventId: '4' }]);
  });

  it('carries the last id over to later events and lets an empty id clear it', () => {
    const { events } = parse(['id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n']);
    expect(events.map((event) => event.lastEventId)).toEqual(['1', '1', '']);
  });

  it('ignores an id containing NUL', () => {
    expect(parse(['id: 3\n\nid: 4\0x\n\n']).parser.lastEventId).toBe('3');
  });

  it('strips one leading byte order mark, only at the start of the stream', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const { events } = parse([bom, 'data: a\n\n', bom, 'data: b\n\n']);
    expect(events.map((event) => event.data)).toEqual(['a']);
  });

  it('does not dispatch an event the stream ended in the middle of', () => {
    const { events, parser } = parse(['data: complete\n\ndata: incomp']);
    parser.reset();
    parser.push(encoder.encode('data: next\n\n'));
    expect(events.map((event) => event.data)).toEqual(['complete', 'next']);
  });

  it('keeps the last event id across a reset', () => {
    const { parser } = parse(['id: 9\ndata: a\n\n']);
    parser.reset();
    expect(parser.lastEventId).toBe('9');
  });

  const stream = '\uFEFFid: 1\r\nevent: ticket.updated\r\ndata: {"text":"Olá 👋"}\r\n: ping\r\n\r\nretry: 3000\rdata: one\rdata: two\r\rid: 2\ndata: ça\n\n';
  const expected: ServerSentEvent[] = [
    { type: 'ticket.updated', data: '{"text":"Olá 👋"}', lastEventId: '1' },
    { type: 'message', data: 'one\ntwo', lastEventId: '1' },
    { type: 'message', data: 'ça', lastEventId: '2' },
  ];

  it('parses the same events whichever byte the stream is cut at', () => {
    for (const chunks of splitsInTwo(encoder.encode(stream))) {
      const { events, retries } = parse(chunks);
      expect(events).toEqual(expected);
      expect(retries).toEqual([3000]);
    }
  });

  it('parses the same events when every byte arrives alone', () => {
    const bytes = encoder.encode(stream);
    const { events, retries } = parse(Array.from(bytes, (byte) => new Uint8Array([byte])));
    expect(events).toEqual(expected);
    expect(retries).toEqual([3000]);
  });
});
