import sharp from "sharp";

/** A small JPEG "receipt" that carries camera EXIF data, as phone photos do. */
export async function receiptPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: "#f5f0e6" } })
    .jpeg()
    .withExif({ IFD0: { Make: "E2E Camera", Model: "Phone 9" }, IFD2: { UserComment: "GPS 35.6812 139.7671" } })
    .toBuffer();
}
