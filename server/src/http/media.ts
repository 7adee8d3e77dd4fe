import type { Context } from 'hono';
import { ReachoutError } from 'reachout/core';
import type { MediaPurpose } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { requireStorableText } from './hygiene';
import { HttpProblemError, problemOf, problemResponse, validationError } from './problem';

export const mediaPurposes = ['avatar', 'template-header'] as const satisfies readonly MediaPurpose[];

/** What WhatsApp accepts as template header media. */
const templateHeaderTypes = new Set(['image/jpeg', 'image/png', 'video/mp4', 'video/3gpp', 'application/pdf']);

function isMediaPurpose(value: unknown): value is MediaPurpose {
  return typeof value === 'string' && (mediaPurposes as readonly string[]).includes(value);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function checkFileType(file: File, purpose: MediaPurpose): void {
  const type = file.type.toLowerCase();
  if (purpose === 'avatar' && !type.startsWith('image/')) {
    throw validationError(`A photo must be an image (got ${type || 'a file of unknown type'})`, {
      file: 'Choose an image',
    });
  }
  if (purpose === 'template-header' && !templateHeaderTypes.has(type)) {
    throw validationError(
      `Header media must be JPEG, PNG, MP4, 3GPP or PDF (got ${type || 'a file of unknown type'})`,
      { file: 'Choose a JPEG or PNG image, an MP4 video or a PDF' },
    );
  }
}

/** `POST /api/v1/media`: multipart `file` + `purpose` → `201 { url }` (absolute). */
export async function uploadMedia(c: Context, backend: ReachoutBackend, maxUploadBytes: number): Promise<Response> {
  const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'multipart/form-data') {
    throw new HttpProblemError(
      415,
      new ReachoutError('VALIDATION', 'Upload the file as multipart/form-data with the fields file and purpose'),
    );
  }
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw validationError('The multipart body could not be read', { body: 'Not valid multipart/form-data' });
  }
  const purpose = form.get('purpose');
  const file = form.get('file');
  const fieldErrors: Record<string, string> = {};
  if (!isMediaPurpose(purpose)) fieldErrors.purpose = `Use one of: ${mediaPurposes.join(', ')}`;
  if (!(file instanceof File)) fieldErrors.file = 'Attach the file in the field "file"';
  if (!isMediaPurpose(purpose) || !(file instanceof File)) {
    throw validationError('The upload needs a file and a purpose (avatar or template-header)', fieldErrors);
  }
  if (file.size === 0) throw validationError('The file is empty', { file: 'Choose a file that is not empty' });
  if (file.size > maxUploadBytes) {
    throw new HttpProblemError(
      413,
      validationError(`The file is larger than ${megabytes(maxUploadBytes)}`, {
        file: `Use a file of at most ${megabytes(maxUploadBytes)}`,
      }),
    );
  }
  requireStorableText({ file: file.name }, 'upload');
  checkFileType(file, purpose);

  const bytes = new Uint8Array(await file.arrayBuffer());
  const { id } = await backend.media.put(
    { bytes, contentType: file.type.toLowerCase(), ...(file.name ? { filename: file.name } : {}) },
    purpose,
  );
  const url = new URL(`/media/${encodeURIComponent(id)}`, new URL(c.req.url).origin).toString();
  return c.json({ url }, 201);
}

/** `GET /media/{id}`: the stored bytes, public and cacheable forever (ids are never reused). */
export async function serveMedia(c: Context, backend: ReachoutBackend): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const media = await backend.media.get(id);
  if (!media) {
    return problemResponse(problemOf(new ReachoutError('NOT_FOUND', `No media with id ${id}`)));
  }
  const headers: Record<string, string> = {
    'Content-Type': media.contentType,
    'Content-Length': String(media.bytes.byteLength),
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    // Uploaded files are never pages: no scripts even if a browser opens one directly.
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  if (media.filename) {
    headers['Content-Disposition'] = `inline; filename*=UTF-8''${encodeURIComponent(media.filename)}`;
  }
  return new Response(media.bytes, { status: 200, headers });
}
