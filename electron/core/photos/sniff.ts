import type { PhotoFormat } from '../../../shared/photos/photo';

export type Sniffed = { format: PhotoFormat } | { rejected: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/** The type is what the bytes say, never the file name: JPEG, PNG, WebP, TIFF; HEIC is named and refused. */
export function sniffPhoto(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { format: 'webp' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { format: 'tiff' };
  if (ascii(bytes, 4, 8) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(ascii(bytes, 8, 12))) {
    return {
      rejected:
        'HEIC/HEIF photos are not supported yet: export them as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible).',
    };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return { rejected: 'SVG drawings are not accepted as photos.' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]))
    return { rejected: 'GIF images are not accepted as photos: use JPEG, PNG, WebP or TIFF.' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { rejected: 'This is a PDF, not a photo.' };
  return { rejected: 'This file is not a JPEG, PNG, WebP or TIFF photo.' };
}
