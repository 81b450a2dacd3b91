import "server-only";
import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";
import { MAX_PIXELS, MAX_UPLOAD_BYTES, sniffImageType, STORED_MAX_SIDE, THUMBNAIL_SIDE } from "./image-policy";

/**
 * Read an upload with a hard byte limit: the stream is abandoned as soon as it passes the limit,
 * so an oversized file is never held in memory whole (ASVS 5.2.1).
 */
export async function readLimited(
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number = MAX_UPLOAD_BYTES,
  tooLargeKey = "files.tooLarge",
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new AppError("VALIDATION", { messageKey: tooLargeKey });
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export type ProcessedImage = {
  image: Buffer;
  thumbnail: Buffer;
  contentType: "image/webp";
  width: number;
  height: number;
};

/**
 * Check and re-encode an image:
 * - the magic bytes must say JPEG, PNG or WebP (5.2.2);
 * - the pixel count is read from the header and refused above MAX_PIXELS before decoding (5.2.6);
 * - the pixels are re-encoded to WebP, turned upright first, and nothing else is carried over:
 *   no EXIF, no GPS, no embedded profiles or comments (14.2.8).
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  if (!sniffImageType(input.subarray(0, 16))) throw new AppError("VALIDATION", { messageKey: "files.notAnImage" });
  const options = { limitInputPixels: MAX_PIXELS, failOn: "error" as const, sequentialRead: true };
  let metadata: Metadata;
  try {
    // Header only: no pixels are decoded here, so the limit is checked by us, just below.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError("VALIDATION", { messageKey: "files.notAnImage" });
  }
  if (!metadata.width || !metadata.height) throw new AppError("VALIDATION", { messageKey: "files.notAnImage" });
  if (metadata.width * metadata.height > MAX_PIXELS) throw new AppError("VALIDATION", { messageKey: "files.tooManyPixels" });

  try {
    const upright = sharp(input, options).rotate();
    const image = await upright
      .clone()
      .resize({ width: STORED_MAX_SIDE, height: STORED_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await upright
      .clone()
      .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: "cover" })
      .webp({ quality: 75 })
      .toBuffer();
    return { image: image.data, thumbnail, contentType: "image/webp", width: image.info.width, height: image.info.height };
  } catch {
    throw new AppError("VALIDATION", { messageKey: "files.notAnImage" });
  }
}
