import fs from 'node:fs';
import type { Context } from 'hono';
import { ReachoutError } from 'reachout/core';
import type { MediaPurpose } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { requireStorableText } from './hygiene';
import { MultipartError, multipartBoundary, receiveMultipart, type ReceivedFile, type ReceivedForm } from './multipart';
import { HttpProblemError, problemOf, problemResponse, validationError } from './problem';
import type { RouteSettings } from './routes';

export const mediaPurposes = ['avatar', 'template-header'] as const satisfies readonly MediaPurpose[];

function isMediaPurpose(value: unknown): value is MediaPurpose {
  return typeof value === 'string' && (mediaPurposes as readonly string[]).includes(value);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * What each purpose accepts, as the file's first bytes show it. Photos: PNG, JPEG, WebP, GIF.
 * Template headers: the Cloud API's media for them (image/jpeg and image/png, video/mp4 and
 * video/3gpp, application/pdf; Office documents and plain text have no signature to check).
 */
const allowedTypes: Record<MediaPurpose, { types: readonly SniffedType[]; names: string }> = {
  avatar: { types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'], names: 'a PNG, JPEG, WebP or GIF image' },
  'template-header': {
    types: ['image/jpeg', 'image/png', 'video/mp4', 'video/3gpp', 'application/pdf'],
    names: 'a JPEG or PNG image, an MP4 or 3GPP video, or a PDF',
  },
};

type SniffedType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | 'video/mp4' | 'video/3gpp' | 'application/pdf';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

const ascii = (text: string) => Array.from(text, (character) => character.charCodeAt(0));

/** The media type the file's first bytes show, among those Reachout accepts; `undefined` for any other. */
export function sniffMediaType(head: Uint8Array): SniffedType | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  // ISO base media (MP4, 3GPP): a box size, then "ftyp" and the major brand.
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (brand.startsWith('3gp') || brand.startsWith('3gg')) return 'video/3gpp';
    if (['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash'].includes(brand)) return 'video/mp4';
  }
  return undefined;
}

/** Types a client may declare for a file without contradicting its bytes. */
const undeclaredTypes = new Set(['', 'application/octet-stream']);

function unsupportedType(message: string, purpose: MediaPurpose): HttpProblemError {
  return new HttpProblemError(415, validationError(message, { file: `Choose ${allowedTypes[purpose].names}` }));
}

/** The stored type: what the bytes show, if the purpose allows it and the client did not claim another. */
function checkFileType(file: ReceivedFile, purpose: MediaPurpose): SniffedType {
  const sniffed = sniffMediaType(file.head);
  const allowed = allowedTypes[purpose];
  const declared = file.declaredType;
  if (!sniffed || !allowed.types.includes(sniffed)) {
    throw unsupportedType(
      `${purpose === 'avatar' ? 'A photo' : 'Header media'} must be ${allowed.names}; ` +
        `the file's content is none of these${declared ? ` (it was sent as ${declared})` : ''}`,
      purpose,
    );
  }
  if (!undeclaredTypes.has(declared) && declared !== sniffed) {
    throw unsupportedType(`The file was sent as ${declared}, but its content is ${sniffed}: send it as ${sniffed}`, purpose);
  }
  return sniffed;
}

/** `POST /api/v1/media`: multipart `file` + `purpose` → `201 { url }` (absolute, from the public URL). */
export async function uploadMedia(c: Context, backend: ReachoutBackend, settings: RouteSettings): Promise<Response> {
  const { maxUploadBytes } = settings;
  const contentType = c.req.header('Content-Type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  const boundary = multipartBoundary(contentType);
  if (mediaType !== 'multipart/form-data') {
    throw new HttpProblemError(
      415,
      new ReachoutError('VALIDATION', 'Upload the file as multipart/form-data with the fields file and purpose'),
    );
  }
  if (!boundary) {
    throw validationError('The multipart body could not be read', { body: 'multipart/form-data needs a boundary parameter' });
  }
  let form: ReceivedForm;
  try {
    form = await receiveMultipart(c.req.raw.body, boundary, maxUploadBytes);
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    if (error.reason === 'too-large') {
      throw new HttpProblemError(
        413,
        validationError(`The file is larger than ${megabytes(maxUploadBytes)}`, {
          file: `Use a file of at most ${megabytes(maxUploadBytes)}`,
        }),
      );
    }
    throw validationError(`The multipart body could not be read: ${error.message}`, { body: 'Not valid multipart/form-data' });
  }
  try {
    const purpose = form.fields.get('purpose');
    const file = form.files.get('file');
    const fieldErrors: Record<string, string> = {};
    if (!isMediaPurpose(purpose)) fieldErrors.purpose = `Use one of: ${mediaPurposes.join(', ')}`;
    if (!file) fieldErrors.file = 'Attach the file in the field "file"';
    if (!isMediaPurpose(purpose) || !file) {
      throw validationError('The upload needs a file and a purpose (avatar or template-header)', fieldErrors);
    }
    if (file.size === 0) throw validationError('The file is empty', { file: 'Choose a file that is not empty' });
    const filename = file.filename;
    if (filename) requireStorableText({ file: filename }, 'upload');
    const type = checkFileType(file, purpose);

    const bytes = new Uint8Array(await fs.promises.readFile(file.path));
    const { id } = await backend.media.put({ bytes, contentType: type, ...(filename ? { filename } : {}) }, purpose);
    return c.json({ url: `${settings.publicUrl().replace(/\/+$/, '')}/media/${encodeURIComponent(id)}` }, 201);
  } finally {
    await form.discard();
  }
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
