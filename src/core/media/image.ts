/**
 * Images from visitors, made fit to share: decoded in the browser, turned upright, downscaled
 * and re-encoded through a canvas. Re-encoding writes only pixels, so every piece of metadata
 * in the original (EXIF with GPS location, camera serial, XMP, comments) is gone.
 * Used by the group feed's attachments and by lost & found photos.
 */
import type { FieldIssue } from '../../data/backend.js';

export interface ImageLimits {
  /** Longest edge after downscaling, in pixels; default 1600. */
  maxEdge?: number;
  /** Largest accepted original, in bytes; default 25 MB. */
  maxSourceBytes?: number;
  /** Largest result, in bytes; quality and size are lowered until it fits. Default 2 MiB. */
  maxBytes?: number;
  /** Output type; default `image/jpeg` (PNG and WebP keep transparency as `image/webp`). */
  type?: 'image/jpeg' | 'image/webp';
}

export interface PreparedImage {
  blob: Blob;
  width: number;
  height: number;
}

/** A field issue for the form (`file.type`, `file.tooLarge {max}`, `image.unreadable`). */
export class ImageError extends Error {
  constructor(readonly issue: FieldIssue) {
    super(issue.code);
  }
}

export const SOURCE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/heic'];

/** The size of `width × height` scaled so the longer edge is at most `maxEdge`. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encode(bitmap: ImageBitmap, width: number, height: number, type: string, quality: number): Promise<Blob | null> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  if (type === 'image/jpeg') {
    // JPEG has no transparency: paint white below, as a printout would.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type, quality });
}

/**
 * Decodes `file`, applies its orientation, downscales it and re-encodes it without metadata.
 * Rejects with `ImageError` carrying a field issue the form shows at the file field.
 */
export async function prepareImage(file: Blob, limits: ImageLimits = {}): Promise<PreparedImage> {
  const { maxEdge = 1600, maxSourceBytes = 25 * 1024 * 1024, maxBytes = 2 * 1024 * 1024 } = limits;
  if (!file.type.startsWith('image/')) throw new ImageError({ path: '', code: 'file.type' });
  if (file.size > maxSourceBytes) throw new ImageError({ path: '', code: 'file.tooLarge', params: { max: maxSourceBytes } });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new ImageError({ path: '', code: 'image.unreadable' });
  }
  try {
    const type = limits.type ?? (file.type === 'image/png' || file.type === 'image/webp' ? 'image/webp' : 'image/jpeg');
    let edge = maxEdge;
    for (let attempt = 0; attempt < 6; attempt++) {
      const size = fitWithin(bitmap.width, bitmap.height, edge);
      const blob = await encode(bitmap, size.width, size.height, type, attempt === 0 ? 0.85 : 0.75);
      if (!blob) break;
      if (blob.size <= maxBytes) return { blob, ...size };
      edge = Math.round(edge * 0.75);
    }
    throw new ImageError({ path: '', code: 'file.tooLarge', params: { max: maxBytes } });
  } finally {
    bitmap.close();
  }
}
