import { useCallback, useEffect, useRef, useState } from 'react';
import { toReachoutError } from '../../core';
import type { ReachoutDataProvider, ReachoutError } from '../../core';
import { useMessages } from './messages';
import type { SelectedPhoto } from './createContactFormTypes';

/** The image types the photo field takes. SVG is left out: it can carry scripts. */
export const acceptedPhotoTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/**
 * The create-contact photo's lifecycle: a chosen file checked (type, size) and previewed through
 * an object URL revoked when replaced or unmounted, uploaded once per file with `uploadMedia`
 * (a retry after a failed create does not upload again), the upload aborted on unmount.
 */
export function usePhotoField(dataProvider: ReachoutDataProvider, maxPhotoBytes: number) {
  const { t, formatNumber } = useMessages();
  const [photo, setPhoto] = useState<SelectedPhoto | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const photoRef = useRef<SelectedPhoto | null>(null);
  const uploaded = useRef<{ file: File; url: string } | null>(null);
  const uploadAbort = useRef<AbortController | null>(null);
  const photoInputRef = useRef<HTMLInputElement | null>(null);

  useEffect(
    () => () => {
      uploadAbort.current?.abort();
      if (photoRef.current) URL.revokeObjectURL(photoRef.current.previewUrl);
    },
    [],
  );

  const replacePhoto = useCallback((next: SelectedPhoto | null) => {
    const previous = photoRef.current;
    if (previous && previous.previewUrl !== next?.previewUrl) URL.revokeObjectURL(previous.previewUrl);
    photoRef.current = next;
    setPhoto(next);
  }, []);

  const formatFileSize = useCallback(
    (bytes: number) =>
      bytes >= 1_000_000
        ? formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
        : formatNumber(Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' }),
    [formatNumber],
  );

  const selectPhoto = useCallback(
    (file: File) => {
      if (!(acceptedPhotoTypes as readonly string[]).includes(file.type)) {
        setPhotoError(t('createContact.photo.notImage'));
        return;
      }
      if (file.size > maxPhotoBytes) {
        setPhotoError(t('createContact.photo.tooLarge', { size: formatFileSize(file.size), maxSize: formatFileSize(maxPhotoBytes) }));
        return;
      }
      setPhotoError(null);
      replacePhoto({ file, previewUrl: URL.createObjectURL(file) });
    },
    [t, maxPhotoBytes, formatFileSize, replacePhoto],
  );

  const removePhoto = useCallback(() => {
    replacePhoto(null);
    setPhotoError(null);
    photoInputRef.current?.focus();
  }, [replacePhoto]);

  /** Forgets the photo, its error and its upload (the draft is discarded). */
  const clearPhoto = useCallback(() => {
    replacePhoto(null);
    setPhotoError(null);
    uploaded.current = null;
  }, [replacePhoto]);

  /** The photo's URL: uploaded once per file, so a retry after a failed create does not upload again. */
  const uploadPhoto = useCallback(async (): Promise<{ url: string | null } | { error: ReachoutError }> => {
    const current = photoRef.current;
    if (!current || !dataProvider.uploadMedia) return { url: null };
    if (uploaded.current?.file === current.file) return { url: uploaded.current.url };
    const controller = new AbortController();
    uploadAbort.current = controller;
    try {
      const { url } = await dataProvider.uploadMedia({ file: current.file, purpose: 'avatar' }, { signal: controller.signal });
      uploaded.current = { file: current.file, url };
      return { url };
    } catch (error) {
      return { error: toReachoutError(error) };
    } finally {
      if (uploadAbort.current === controller) uploadAbort.current = null;
    }
  }, [dataProvider]);

  return { photo, photoRef, photoError, setPhotoError, photoInputRef, formatFileSize, selectPhoto, removePhoto, clearPhoto, uploadPhoto };
}
