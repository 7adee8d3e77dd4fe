import { ReachoutError } from '../../core/errors';
import type { MediaPurpose } from '../../core/provider';
import { bytesToBase64 } from '../../core/provider-rules/base64';

/** WhatsApp's media size limit (video); larger uploads are refused. */
const maxMediaBytes = 16 * 1024 * 1024;

/** The memory provider's `uploadMedia`: checks the file, and answers a URL that shows it. */
export function createMediaUploads(): (file: Blob, purpose: MediaPurpose) => Promise<{ url: string }> {
  let uploadCount = 0;
  return async (file, purpose) => {
    if (file.size > maxMediaBytes) {
      throw new ReachoutError('VALIDATION', 'The file is larger than 16 MB', {
        fieldErrors: { file: 'Use a file of at most 16 MB' },
      });
    }
    if (purpose === 'avatar' && file.type && !file.type.startsWith('image/')) {
      throw new ReachoutError('VALIDATION', 'A photo must be an image', { fieldErrors: { file: 'Choose an image' } });
    }
    // WhatsApp fetches header media itself, so a send needs an https link: answer one on a
    // reserved domain (it never resolves; the preview shows its placeholder).
    if (purpose === 'template-header') {
      uploadCount += 1;
      return { url: `https://media.reachout.invalid/uploads/${uploadCount}` };
    }
    // A short blob: URL where the platform has one (browsers, Node), so a real photo fits the
    // avatarUrl limit a backend's http(s) URL would; a data: URL elsewhere.
    if (typeof URL.createObjectURL === 'function') return { url: URL.createObjectURL(file) };
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { url: `data:${file.type || 'application/octet-stream'};base64,${bytesToBase64(bytes)}` };
  };
}
