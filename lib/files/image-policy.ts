/**
 * What an uploaded image may be (ASVS 5.2): one of a few raster types recognised by their first
 * bytes, not their name or declared type; at most MAX_UPLOAD_BYTES, counted while streaming; at
 * most MAX_PIXELS, checked from the header before the image is decoded.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
/** Longest side of the stored image and of its list thumbnail. */
export const STORED_MAX_SIDE = 2560;
export const THUMBNAIL_SIDE = 320;

export type ImageType = "image/jpeg" | "image/png" | "image/webp";

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

/** The image type from the magic bytes, or null (HTML, SVG, PDF, anything else). */
export function sniffImageType(head: Uint8Array): ImageType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // "RIFF" size "WEBP"
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}
