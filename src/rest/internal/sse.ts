/** One dispatched Server-Sent Event. */
export interface ServerSentEvent {
  /** The `event` field, `'message'` when the server sent none. */
  type: string;
  /** The `data` lines joined with `\n`. */
  data: string;
  /** The last `id` the stream set (it carries over to later events), `''` before any. */
  lastEventId: string;
}

export interface SseParserHandlers {
  onEvent(event: ServerSentEvent): void;
  /** A `retry` field: the server's reconnection time in milliseconds. */
  onRetry?(delayMs: number): void;
}

export interface SseParser {
  /** Feeds the next bytes of the stream; chunks may split lines and UTF-8 characters anywhere. */
  push(chunk: Uint8Array): void;
  /** Starts a new stream (a reconnection): drops partial lines and fields, keeps `lastEventId`. */
  reset(): void;
  /** The id to resume from with `Last-Event-ID`, `''` when the stream has set none. */
  readonly lastEventId: string;
}

const byteOrderMark = '\uFEFF';

/**
 * An `text/event-stream` parser as the HTML standard specifies it (§9.2.6): UTF-8 with an
 * optional leading BOM, CRLF / CR / LF line endings, `:` comments, `event`, multi-line `data`,
 * `id` (ignored when it contains NUL), numeric `retry`; unknown fields are ignored and an event
 * without data is not dispatched. A partial event at the end of a stream is discarded (by `reset`).
 */
export function createSseParser(handlers: SseParserHandlers): SseParser {
  // Per parser: a global regex keeps its position in `lastIndex`.
  const lineBreak = /[\r\n]/g;
  let decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let atStreamStart = true;
  // A CR ending one chunk and an LF starting the next are one line break, not two.
  let skipLeadingLineFeed = false;
  let partialLine = '';
  let eventType = '';
  let data = '';
  let lastEventId = '';

  function dispatch() {
    if (data === '') {
      eventType = '';
      return;
    }
    const event: ServerSentEvent = {
      type: eventType === '' ? 'message' : eventType,
      data: data.endsWith('\n') ? data.slice(0, -1) : data,
      lastEventId,
    };
    eventType = '';
    data = '';
    handlers.onEvent(event);
  }

  function processLine(line: string) {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\0')) lastEventId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) handlers.onRetry?.(Number(value));
        break;
      default:
        break;
    }
  }

  function pushText(text: string) {
    if (text === '') return;
    let start = 0;
    if (atStreamStart) {
      atStreamStart = false;
      if (text.startsWith(byteOrderMark)) start = 1;
    }
    if (skipLeadingLineFeed) {
      skipLeadingLineFeed = false;
      if (text[start] === '\n') start += 1;
    }
    lineBreak.lastIndex = start;
    for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
      const end = match.index;
      processLine(partialLine + text.slice(start, end));
      partialLine = '';
      start = end + 1;
      if (match[0] === '\r') {
        if (start === text.length) skipLeadingLineFeed = true;
        else if (text[start] === '\n') start += 1;
      }
      lineBreak.lastIndex = start;
    }
    partialLine += text.slice(start);
  }

  return {
    push(chunk) {
      pushText(decoder.decode(chunk, { stream: true }));
    },
    reset() {
      decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      atStreamStart = true;
      skipLeadingLineFeed = false;
      partialLine = '';
      eventType = '';
      data = '';
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}
