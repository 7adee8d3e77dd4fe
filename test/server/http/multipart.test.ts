import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MultipartError, multipartBoundary, receiveMultipart } from '../../../server/src/http/multipart';

const boundary = 'XyZ-boundary-42';
const encoder = new TextEncoder();
// Looks like the start of a delimiter, twice, and ends in a CR: the parser must not cut there.
const fileBytes = new Uint8Array([...encoder.encode('\x89PNG\r\n--XyZ-bound\r\n-- not it\r\n--XyZ-boundary-4'), 0, 255, 13]);

function body(): Uint8Array {
  const head = encoder.encode(
    `preamble to ignore\r\n--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\navatar\r\n` +
      `--${boundary}  \r\nContent-Disposition: form-data; name="file"; filename="my \\"best\\" photo.png"\r\nContent-Type: Image/PNG; x=1\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\nepilogue`);
  return new Uint8Array([...head, ...fileBytes, ...tail]);
}

function streamOf(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe('receiveMultipart', () => {
  it('reads the fields and writes the file to a temporary file whatever the chunk sizes, then removes it', async () => {
    const bytes = body();
    for (const chunkSize of [1, 2, 3, 7, 16, 17, 31, 64, bytes.length]) {
      const form = await receiveMultipart(streamOf(bytes, chunkSize), boundary, 1024);
      const file = form.files.get('file');
      expect(form.fields.get('purpose'), `chunks of ${chunkSize}`).toBe('avatar');
      expect(file, `chunks of ${chunkSize}`).toMatchObject({ filename: 'my "best" photo.png', declaredType: 'image/png', size: fileBytes.length });
      expect(new Uint8Array(fs.readFileSync(file!.path)), `chunks of ${chunkSize}`).toEqual(fileBytes);
      expect(Array.from(file!.head)).toEqual(Array.from(fileBytes.slice(0, 32)));
      await form.discard();
      expect(fs.existsSync(file!.path)).toBe(false);
    }
  });

  it('stops with too-large once the file passes the cap', async () => {
    await expect(receiveMultipart(streamOf(body(), 8), boundary, fileBytes.length - 1)).rejects.toMatchObject({
      reason: 'too-large',
    });
  });

  it('refuses a body without its closing boundary, and a part without a name', async () => {
    const truncated = body().slice(0, 150);
    await expect(receiveMultipart(streamOf(truncated, 10), boundary, 1024)).rejects.toBeInstanceOf(MultipartError);
    const nameless = encoder.encode(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${boundary}--`);
    await expect(receiveMultipart(streamOf(nameless, 10), boundary, 1024)).rejects.toThrow('no Content-Disposition: form-data with a name');
  });

  it('finds the boundary, quoted or not', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc-1')).toBe('abc-1');
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
    expect(multipartBoundary('multipart/form-data')).toBeUndefined();
  });
});
