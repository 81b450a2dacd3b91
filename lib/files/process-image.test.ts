import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { crc32 } from "node:zlib";
import { MAX_UPLOAD_BYTES, sniffImageType } from "./image-policy";
import { processImage, readLimited } from "./process-image";

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestCam", Model: "X100", Copyright: "Someone" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 40/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "139/1 45/1 0/1" },
    })
    .toBuffer();
}

async function* chunked(buffer: Buffer, size = 64 * 1024) {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

describe("image uploads", () => {
  it("[14.2.8] re-encodes photos with no EXIF or GPS left, and makes a thumbnail", async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const result = await processImage(original);
    const meta = await sharp(result.image).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(result.image.includes(Buffer.from("TestCam"))).toBe(false);
    expect(result).toMatchObject({ width: 640, height: 480, contentType: "image/webp" });
    expect((await sharp(result.thumbnail).metadata()).width).toBe(320);
  });

  it("[5.2.2] recognises images by their bytes: HTML or SVG named .jpg is refused", async () => {
    expect(sniffImageType(await photoWithGps())).toBe("image/jpeg");
    const html = Buffer.from("<!doctype html><script>alert(1)</script>");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    for (const fake of [html, svg, Buffer.from("%PDF-1.7")]) {
      expect(sniffImageType(fake)).toBeNull();
      await expect(processImage(fake)).rejects.toMatchObject({ messageKey: "files.notAnImage" });
    }
  });

  it("[5.2.6] refuses an image over the pixel limit from its header, before decoding it", async () => {
    // A PNG whose header claims 20000 x 20000 pixels (400 MP) but carries almost no data: a
    // decompression bomb would look like this.
    const small = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const bomb = Buffer.from(small);
    bomb.writeUInt32BE(20_000, 16);
    bomb.writeUInt32BE(20_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29); // keep the IHDR chunk's checksum valid
    await expect(processImage(bomb)).rejects.toMatchObject({ messageKey: "files.tooManyPixels" });
  });

  it("[5.2.1] stops reading an upload as soon as it passes the size limit", async () => {
    let chunksRead = 0;
    async function* endless() {
      for (;;) {
        chunksRead++;
        yield new Uint8Array(1024 * 1024);
      }
    }
    await expect(readLimited(endless(), MAX_UPLOAD_BYTES)).rejects.toMatchObject({ messageKey: "files.tooLarge" });
    expect(chunksRead).toBe(MAX_UPLOAD_BYTES / (1024 * 1024) + 1);
    expect(await readLimited(chunked(Buffer.alloc(1000)))).toHaveLength(1000);
  });

  it("refuses a truncated image", async () => {
    const photo = await photoWithGps();
    await expect(processImage(photo.subarray(0, 200))).rejects.toMatchObject({ messageKey: "files.notAnImage" });
  });
});
