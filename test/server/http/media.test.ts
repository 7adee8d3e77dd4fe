import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, origin } from './helpers';

const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function uploadForm(file: Blob | string | null, purpose: string | null, filename = 'photo.png'): FormData {
  const form = new FormData();
  if (file instanceof Blob) form.append('file', file, filename);
  else if (file !== null) form.append('file', file);
  if (purpose !== null) form.append('purpose', purpose);
  return form;
}

describe('media', () => {
  it('uploads a photo, answers 201 with an absolute URL, and serves the bytes back without a token', async () => {
    const { app, request } = createTestApp();
    const response = await request('/api/v1/media', {
      method: 'POST',
      body: uploadForm(new Blob([pngBytes], { type: 'image/png' }), 'avatar'),
    });
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${origin}/media/[^/]+$`));

    const served = await app.request(url);
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
      400,
      'VALIDATION',
    );
    expect(notAnImage.fieldErrors).toHaveProperty('file');
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
