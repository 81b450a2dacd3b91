/**
 * Renders the raster icons from app/icon.svg (the one drawing): favicon.ico, the apple-touch icon
 * and the web manifest's icons. Run after changing the SVG: `npx tsx scripts/generate-icons.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const ROOT = path.resolve(import.meta.dirname, "..");
const svg = readFileSync(path.join(ROOT, "app/icon.svg"));

async function png(size: number, options: { padding?: number; background?: string } = {}): Promise<Buffer> {
  const inner = size - 2 * (options.padding ?? 0);
  const icon = await sharp(svg, { density: 72 * (inner / 64) * 2 })
    .resize(inner, inner)
    .png()
    .toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: options.background ?? { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: icon, gravity: "center" }])
    .png()
    .toBuffer();
}

/** An .ico holding PNG images (supported by every current browser and Windows since Vista). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width (0 means 256)
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

const sizes = [16, 32, 48];
const favicon = ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) }))));
writeFileSync(path.join(ROOT, "app/favicon.ico"), favicon);
// iOS fills transparency with black and rounds the corners itself: a full square on the brand colour.
writeFileSync(path.join(ROOT, "app/apple-icon.png"), await png(180, { background: "#1d5fbf" }));
writeFileSync(path.join(ROOT, "public/icon-192.png"), await png(192));
writeFileSync(path.join(ROOT, "public/icon-512.png"), await png(512));
// Maskable: Android crops to a circle or squircle; keep the mark inside the central safe zone.
writeFileSync(path.join(ROOT, "public/icon-maskable-512.png"), await png(512, { padding: 64, background: "#1d5fbf" }));
console.log("icons written");
