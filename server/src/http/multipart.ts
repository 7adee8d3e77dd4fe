import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A file part written to a temporary file as it arrived. */
export interface ReceivedFile {
  /** The part's `filename` (may be empty). */
  filename: string;
  /** The part's own `Content-Type`, as sent (lowercase, parameters dropped); `''` when absent. */
  declaredType: string;
  /** The temporary file holding the bytes; removed by `ReceivedForm.discard()`. */
  path: string;
  size: number;
  /** The first bytes (up to 32), for type sniffing. */
  head: Uint8Array;
}

export interface ReceivedForm {
  /** Text fields by name (the first of each name). */
  fields: Map<string, string>;
  /** File parts by field name (the first of each name). */
  files: Map<string, ReceivedFile>;
  /** Removes the temporary files and their directory. */
  discard(): Promise<void>;
}

/** Why a multipart body was refused: malformed, or a file over the size cap. */
export class MultipartError extends Error {
  readonly reason: 'malformed' | 'too-large';

  constructor(reason: 'malformed' | 'too-large', message: string) {
    super(message);
    this.name = 'MultipartError';
    this.reason = reason;
  }
}

const maxHeaderBytes = 16 * 1024;
const maxFieldBytes = 64 * 1024;
const maxParts = 16;
const headBytes = 32;

/** The `boundary` parameter of a `multipart/form-data` content type, or `undefined`. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

/**
 * Reads a `multipart/form-data` body as it streams in: each file part goes to a temporary file
 * (never whole into memory), stopping with `MultipartError('too-large')` as soon as one passes
 * `maxFileBytes`; text fields are kept (at most 64 KiB each).
 */
export async function receiveMultipart(
  body: ReadableStream<Uint8Array> | null,
  boundary: string,
  maxFileBytes: number,
): Promise<ReceivedForm> {
  const directory = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'reachout-upload-'));
  const form: ReceivedForm = {
    fields: new Map(),
    files: new Map(),
    discard: () => fs.promises.rm(directory, { recursive: true, force: true }),
  };
  try {
    await parse(body, boundary, maxFileBytes, directory, form);
    return form;
  } catch (error) {
    await form.discard();
    throw error;
  }
}

interface PartSink {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

async function parse(
  body: ReadableStream<Uint8Array> | null,
  boundary: string,
  maxFileBytes: number,
  directory: string,
  form: ReceivedForm,
): Promise<void> {
  // With a CRLF in front, every boundary, the first included, reads "\r\n--boundary".
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let buffer: Buffer = Buffer.from('\r\n');
  let state = 'preamble' as 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';
  let sink: PartSink | undefined;
  let parts = 0;

  const openPart = (headerText: string): PartSink => {
    parts += 1;
    if (parts > maxParts) throw new MultipartError('malformed', `The form has more than ${maxParts} parts`);
    const headers = new Map<string, string>();
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParameter(disposition, 'name');
    if (!/^form-data\b/i.test(disposition) || name === undefined) {
      throw new MultipartError('malformed', 'A part has no Content-Disposition: form-data with a name');
    }
    const filename = dispositionParameter(disposition, 'filename');
    if (filename === undefined) return fieldSink(name, form);
    if (form.files.has(name)) return discardSink;
    return fileSink(name, filename, (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(), directory, maxFileBytes, form);
  };

  const step = async (final: boolean): Promise<void> => {
    for (;;) {
      if (state === 'preamble' || state === 'body') {
        const at = buffer.indexOf(delimiter);
        if (at === -1) {
          // Keep what could be the start of a delimiter cut by the chunk boundary.
          const keep = final ? 0 : delimiter.length - 1;
          if (buffer.length > keep) {
            if (state === 'body') await sink!.write(buffer.subarray(0, buffer.length - keep));
            buffer = buffer.subarray(buffer.length - keep);
          }
          return;
        }
        if (state === 'body') {
          if (at > 0) await sink!.write(buffer.subarray(0, at));
          await sink!.end();
          sink = undefined;
        }
        buffer = buffer.subarray(at + delimiter.length);
        state = 'after-delimiter';
      }
      if (state === 'after-delimiter') {
        if (buffer.length < 2) return;
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = 'done';
          return;
        }
        // Transport padding (spaces, tabs) may follow a delimiter before its CRLF.
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) {
          if (buffer.length > 256) throw new MultipartError('malformed', 'A boundary line does not end');
          return;
        }
        if (buffer.subarray(0, lineEnd).toString('latin1').trim() !== '') {
          throw new MultipartError('malformed', 'A boundary line has text after the boundary');
        }
        buffer = buffer.subarray(lineEnd + 2);
        state = 'headers';
      }
      if (state === 'headers') {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) {
          if (buffer.length > maxHeaderBytes) throw new MultipartError('malformed', 'A part has headers over 16 KiB');
          return;
        }
        // Header values such as filenames arrive as UTF-8 from browsers.
        sink = openPart(buffer.subarray(0, end).toString('utf8'));
        buffer = buffer.subarray(end + 4);
        state = 'body';
      }
      if (state === 'done') return;
    }
  };

  try {
    if (body) {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        if (state === 'done') continue; // the epilogue is ignored
        buffer = buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffer, chunk]);
        await step(false);
      }
    }
    if (state !== 'done') await step(true);
    if (state !== 'done') throw new MultipartError('malformed', 'The multipart body ends before its closing boundary');
  } finally {
    await sink?.end();
  }
}

function dispositionParameter(disposition: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition) ??
    new RegExp(`;\\s*${name}=([^;\\s"]*)`, 'i').exec(disposition);
  return match?.[1]?.replace(/\\(.)/g, '$1');
}

const discardSink: PartSink = { write: async () => {}, end: async () => {} };

function fieldSink(name: string, form: ReceivedForm): PartSink {
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  return {
    async write(chunk) {
      size += chunk.length;
      if (size > maxFieldBytes) throw new MultipartError('malformed', `The field "${name}" is longer than 64 KiB`);
      chunks.push(Buffer.from(chunk));
    },
    async end() {
      if (ended) return;
      ended = true;
      if (!form.fields.has(name)) form.fields.set(name, Buffer.concat(chunks).toString('utf8'));
    },
  };
}

function fileSink(
  name: string,
  filename: string,
  declaredType: string,
  directory: string,
  maxFileBytes: number,
  form: ReceivedForm,
): PartSink {
  const file: ReceivedFile = {
    filename,
    declaredType,
    path: path.join(directory, `part-${form.files.size + 1}`),
    size: 0,
    head: new Uint8Array(0),
  };
  form.files.set(name, file);
  const stream = fs.createWriteStream(file.path);
  const failed = once(stream, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => {});
  let ended = false;
  return {
    async write(chunk) {
      file.size += chunk.length;
      if (file.size > maxFileBytes) throw new MultipartError('too-large', `The file is larger than ${maxFileBytes} bytes`);
      if (file.head.length < headBytes) {
        file.head = Buffer.concat([file.head, chunk.subarray(0, headBytes - file.head.length)]);
      }
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    },
    async end() {
      if (ended) return;
      ended = true;
      await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failed]);
    },
  };
}
