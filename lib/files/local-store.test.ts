import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { localStore, newFileKeys } from "./local-store";

describe("local file store", () => {
  it("[5.3.1] stores files under generated names outside public/, and reads them back", async () => {
    const { key, thumbnailKey } = newFileKeys(new Date("2026-11-21T00:00:00Z"));
    expect(key).toMatch(/^2026\/11\/[0-9a-f-]{36}\.webp$/);
    expect(thumbnailKey).toBe(key.replace(".webp", "-thumb.webp"));
    const root = path.resolve(process.cwd(), env.UPLOADS_DIR);
    expect(root.startsWith(path.resolve(process.cwd(), "public"))).toBe(false);
    await localStore.put(key, Buffer.from("image bytes"));
    expect((await localStore.get(key))?.toString()).toBe("image bytes");
    await localStore.remove(key);
    expect(await localStore.get(key)).toBeNull();
  });

  it("refuses keys it did not make (no path traversal)", async () => {
    await expect(localStore.get("../../etc/passwd")).rejects.toThrow(/Invalid file key/);
    await expect(localStore.put("2026/11/evil.html", Buffer.from("x"))).rejects.toThrow(/Invalid file key/);
  });
});
