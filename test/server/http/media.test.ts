import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, origin } from './helpers';

const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const ascii = (text: string) => Array.from(text, (character) => character.charCodeAt(0));
const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...ascii('JFIF')]);
const webpBytes = new Uint8Array([...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')]);
const gifBytes = new Uint8Array(ascii('GIF89a\x01\x00\x01\x00'));
const mp4Bytes = new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypmp42'), 0, 0, 0, 0]);
const threeGppBytes = new Uint8Array([0, 0, 0, 0x14, ...ascii('ftyp3gp4'), 0, 0, 0, 0]);
const svgText = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
const publicUrl = 'https://media.example.com/reachout';

function uploadForm(file: Blob | string | null, purpose: string | null, filename = 'photo.png'): FormData {
  const form = new FormData();
  if (file instanceof Blob) form.append('file', file, filename);
  else if (file !== null) form.append('file', file);
  if (purpose !== null) form.append('purpose', purpose);
  return form;
}

describe('media', () => {
  it('uploads a photo, answers 201 with an absolute URL on the public URL, and serves the bytes back without a token', async () => {
    const { app, request } = createTestApp({ publicUrl });
    const response = await request('/api/v1/media', {
      method: 'POST',
      body: uploadForm(new Blob([pngBytes], { type: 'image/png' }), 'avatar'),
    });
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${publicUrl}/media/[^/]+$`));

    const served = await app.request(`${origin}${new URL(url).pathname.replace('/reachout', '')}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/png');
    expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(served.headers.get('Cache-Control')).toContain('max-age');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(pngBytes);
  });

  it('answers 404 NOT_FOUND problem for unknown media', async () => {
    const { app } = createTestApp();
    await expectProblem(await app.request(`${origin}/media/does-not-exist`), 404, 'NOT_FOUND');
  });

  it('validates the purpose and the file', async () => {
    const { request } = createTestApp();
    const badPurpose = await expectProblem(
      await request('/api/v1/media', {
        method: 'POST',
        body: uploadForm(new Blob([pngBytes], { type: 'image/png' }), 'wallpaper'),
      }),
      400,
      'VALIDATION',
    );
    expect(badPurpose.fieldErrors).toHaveProperty('purpose');

    const noFile = await expectProblem(
      await request('/api/v1/media', { method: 'POST', body: uploadForm('just text', 'avatar') }),
      400,
      'VALIDATION',
    );
    expect(noFile.fieldErrors).toHaveProperty('file');

    const notAnImage = await expectProblem(
      await request('/api/v1/media', {
        method: 'POST',
        body: uploadForm(new Blob(['<script>'], { type: 'text/html' }), 'avatar', 'page.html'),
      }),
      415,
      'VALIDATION',
    );
    expect(notAnImage.fieldErrors).toHaveProperty('file');
  });

  it('builds the media URL from the public URL, never from the Host header', async () => {
    const { request } = createTestApp({ publicUrl });
    const response = await request('/api/v1/media', {
      method: 'POST',
      headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' },
      body: uploadForm(new Blob([pngBytes], { type: 'image/png' }), 'avatar'),
    });
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    expect(url.startsWith(`${publicUrl}/media/`)).toBe(true);
    expect(url).not.toContain('evil.example');
  });

  it('stores the type the bytes show, for every allowed photo and header type', async () => {
    const { app, request } = createTestApp({ publicUrl: origin });
    const cases: Array<[Uint8Array, string, 'avatar' | 'template-header', string]> = [
      [pngBytes, 'application/octet-stream', 'avatar', 'image/png'],
      [jpegBytes, 'image/jpeg', 'avatar', 'image/jpeg'],
      [webpBytes, '', 'avatar', 'image/webp'],
      [gifBytes, 'image/gif', 'avatar', 'image/gif'],
      [jpegBytes, 'image/jpeg', 'template-header', 'image/jpeg'],
      [mp4Bytes, 'video/mp4', 'template-header', 'video/mp4'],
      [threeGppBytes, 'video/3gpp', 'template-header', 'video/3gpp'],
      [new Uint8Array(ascii('%PDF-1.7')), 'application/pdf', 'template-header', 'application/pdf'],
    ];
    for (const [bytes, declared, purpose, stored] of cases) {
      const response = await request('/api/v1/media', {
        method: 'POST',
        body: uploadForm(new Blob([bytes], { type: declared }), purpose, 'upload.bin'),
      });
      expect(response.status, `${stored} as ${purpose}`).toBe(201);
      const { url } = (await response.json()) as { url: string };
      expect((await app.request(url)).headers.get('Content-Type'), `${stored} as ${purpose}`).toBe(stored);
    }
  });

  it('answers 415 for SVG, for a type list such as "image/png, text/html", for bytes that contradict the declared type, and for types the purpose does not take', async () => {
    const { request } = createTestApp();
    const refusals: Array<[string | Uint8Array, string, 'avatar' | 'template-header', string]> = [
      [svgText, 'image/svg+xml', 'avatar', 'the file\'s content is none of these (it was sent as image/svg+xml)'],
      [pngBytes, 'image/png, text/html', 'avatar', 'The file was sent as image/png, text/html, but its content is image/png'],
      ['<html><script>alert(1)</script></html>', 'image/png', 'avatar', 'the file\'s content is none of these (it was sent as image/png)'],
      [pngBytes, 'image/jpeg', 'avatar', 'The file was sent as image/jpeg, but its content is image/png: send it as image/png'],
      [mp4Bytes, 'video/mp4', 'avatar', 'A photo must be a PNG, JPEG, WebP or GIF image'],
      [gifBytes, 'image/gif', 'template-header', 'Header media must be a JPEG or PNG image, an MP4 or 3GPP video, or a PDF'],
    ];
    for (const [content, declared, purpose, message] of refusals) {
      const response = await request('/api/v1/media', {
        method: 'POST',
        body: uploadForm(new Blob([content], { type: declared }), purpose),
      });
      const problem = await expectProblem(response, 415, 'VALIDATION');
      expect(problem.detail, declared).toContain(message);
      expect(problem.fieldErrors).toHaveProperty('file');
    }
  });

  it('stops reading an upload at the size cap without a Content-Length, answers 413, and leaves no temporary file', async () => {
    const { app } = createTestApp({ maxUploadBytes: 64 * 1024 });
    const temporaryBefore = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('reachout-upload-')).length;
    const boundary = 'reachout-test-boundary';
    const encoder = new TextEncoder();
    let chunksPulled = 0;
    const chunk = new Uint8Array(16 * 1024);
    // 1 GiB if read to the end.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunksPulled += 1;
        if (chunksPulled === 1) {
          controller.enqueue(
            encoder.encode(
              `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\navatar\r\n` +
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
            ),
          );
          controller.enqueue(pngBytes);
        } else if (chunksPulled > 65_536) {
          controller.close();
        } else {
          controller.enqueue(chunk);
        }
      },
    });
    const response = await app.request(`${origin}/api/v1/media`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token-0123456789', 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);

    await expectProblem(response, 413, 'VALIDATION');
    expect(chunksPulled).toBeLessThan(16);
    const temporaryAfter = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('reachout-upload-')).length;
    expect(temporaryAfter).toBeLessThanOrEqual(temporaryBefore);
  });

  it('accepts a PDF as template header media', async () => {
    const { request } = createTestApp();
    const response = await request('/api/v1/media', {
      method: 'POST',
      body: uploadForm(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), 'template-header', 'menu.pdf'),
    });
    expect(response.status).toBe(201);
  });

  it('answers 413 for an upload over the limit', async () => {
    const { request } = createTestApp({ maxUploadBytes: 1024 });
    const response = await request('/api/v1/media', {
      method: 'POST',
      body: uploadForm(new Blob([new Uint8Array(4096)], { type: 'image/png' }), 'avatar'),
    });
    await expectProblem(response, 413, 'VALIDATION');
  });

  it('answers 415 for an upload that is not multipart', async () => {
    const { request } = createTestApp();
    const response = await request('/api/v1/media', {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: pngBytes,
    });
    await expectProblem(response, 415, 'VALIDATION');
  });
});
