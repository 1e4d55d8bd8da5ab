import type { PhotoFormat, PhotoMeta } from '../../../shared/photos/photo';

export interface WorkerJob {
  path: string;
  /** Where the worker writes the renditions it makes (the parent moves them into the store). */
  outDir: string;
}

export type WorkerReply =
  | {
      ok: true;
      id: string;
      format: PhotoFormat;
      width: number;
      height: number;
      bytes: number;
      meta: PhotoMeta;
      thumb: string;
      preview: string;
    }
  | { ok: false; reason: string };

export const maxPhotoBytes = 200 * 1024 * 1024;
/** About 100 megapixels: checked from the header, before decoding. */
export const maxPixels = 100_000_000;
/** The longest edge of each rendition made at import. */
export const renditionSizes = { thumb: 320, preview: 1600 } as const;
