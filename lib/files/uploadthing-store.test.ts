import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchSignedUrl, startFakeUploadthing, type FakeUploadthing } from "@/scripts/test/fake-uploadthing";
import { newFileKeys } from "./local-store";
import { createUploadthingStore, type UploadthingStore } from "./uploadthing-store";

// The real uploadthing client (UTApi) against a local fake that checks signatures as the service
// does (scripts/test/fake-uploadthing.ts).
let fake: FakeUploadthing;
let store: UploadthingStore;

beforeAll(async () => {
  fake = await startFakeUploadthing();
  store = createUploadthingStore({ token: fake.token, ingestUrl: fake.url, apiUrl: fake.url });
});
afterAll(() => fake?.close());
beforeEach(() => fake.resetClock());

const bytes = (text: string) => Buffer.from(text);
const storedByCustomId = (customId: string) => [...fake.files.values()].find((file) => file.customId === customId);

describe("uploadthing file store", () => {
  it("[5.3.1] uploads with private access under our generated key", async () => {
    const { key } = newFileKeys(new Date("2026-11-21T00:00:00Z"));
    const before = fake.files.size;
    await store.put(key, bytes("webp bytes"), "image/webp");

    expect(fake.files.size).toBe(before + 1);
    const stored = storedByCustomId(key.replaceAll("/", "_"));
    expect(stored).toMatchObject({ acl: "private", type: "image/webp", contentDisposition: "inline" });
    expect(stored?.data.toString()).toBe("webp bytes");
    // Private: its plain CDN URL (no signature) serves nothing, by customId or by file key.
    const plain = await fetchSignedUrl(fake, `https://${fake.appId}.ufs.sh/f/${stored?.customId}`);
    expect(plain.status).toBe(403);
    expect((await fetchSignedUrl(fake, `https://${fake.appId}.ufs.sh/f/${stored?.key}`)).status).toBe(403);
  });

  it("[5.3.1] a signed URL serves the file until it expires, and not after", async () => {
    const { key } = newFileKeys();
    await store.put(key, bytes("photo"), "image/webp");
    const url = await store.signedUrl(key, 60);
    expect(new URL(url).host).toBe(`${fake.appId}.ufs.sh`);
    expect(new URL(url).searchParams.get("signature")).toMatch(/^hmac-sha256=[0-9a-f]{64}$/);

    const response = await fetchSignedUrl(fake, url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe("photo");

    fake.advanceClock(58_000);
    expect((await fetchSignedUrl(fake, url)).status).toBe(200);
    fake.advanceClock(3_000); // 61 s after signing
    expect((await fetchSignedUrl(fake, url)).status).toBe(403);
  });

  it("[5.3.1] a tampered signed URL is refused", async () => {
    const first = newFileKeys().key;
    const second = newFileKeys().key;
    await store.put(first, bytes("first"), "image/webp");
    await store.put(second, bytes("second"), "image/webp");
    const url = new URL(await store.signedUrl(first, 60));
    expect((await fetchSignedUrl(fake, url.href)).status).toBe(200);

    const signature = url.searchParams.get("signature")!;
    const flipped = new URL(url);
    flipped.searchParams.set("signature", signature.slice(0, -1) + (signature.endsWith("0") ? "1" : "0"));
    expect((await fetchSignedUrl(fake, flipped.href)).status).toBe(403);

    const longer = new URL(url);
    longer.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3_600_000));
    expect((await fetchSignedUrl(fake, longer.href)).status).toBe(403);

    // The signature of one file does not open another.
    const otherFile = new URL(url);
    otherFile.pathname = `/f/${second.replaceAll("/", "_")}`;
    expect((await fetchSignedUrl(fake, otherFile.href)).status).toBe(403);
  });

  it("remove() deletes the file; removing it again is not an error", async () => {
    const { key } = newFileKeys();
    await store.put(key, bytes("to delete"), "image/webp");
    const url = await store.signedUrl(key, 60);
    expect(storedByCustomId(key.replaceAll("/", "_"))).toBeDefined();

    await store.remove(key);
    expect(storedByCustomId(key.replaceAll("/", "_"))).toBeUndefined();
    expect((await fetchSignedUrl(fake, url)).status).toBe(404);
    await expect(store.remove(key)).resolves.toBeUndefined();
  });

  it("a failed ingest rejects put() and stores nothing", async () => {
    const { key } = newFileKeys();
    const before = fake.files.size;
    fake.failNextIngest(500);
    await expect(store.put(key, bytes("lost"), "image/webp")).rejects.toThrow(/upload.*failed/i);
    expect(fake.files.size).toBe(before);
    expect(storedByCustomId(key.replaceAll("/", "_"))).toBeUndefined();
  });

  it("an upload signed with another API key is refused (the fake really checks signatures)", async () => {
    const decoded = JSON.parse(Buffer.from(fake.token, "base64").toString()) as Record<string, unknown>;
    const wrongToken = Buffer.from(JSON.stringify({ ...decoded, apiKey: "sk_test_not_the_key" })).toString("base64");
    const wrong = createUploadthingStore({ token: wrongToken, ingestUrl: fake.url, apiUrl: fake.url });
    const { key } = newFileKeys();
    await expect(wrong.put(key, bytes("x"), "image/webp")).rejects.toThrow(/upload.*failed/i);
    await expect(wrong.remove(key)).rejects.toThrow();
    expect(storedByCustomId(key.replaceAll("/", "_"))).toBeUndefined();
  });

  it("refuses keys it did not make and long-lived URLs", async () => {
    await expect(store.put("../../etc/passwd", bytes("x"), "image/webp")).rejects.toThrow(/Invalid file key/);
    await expect(store.signedUrl("2026/11/evil.html", 60)).rejects.toThrow(/Invalid file key/);
    const { key } = newFileKeys();
    await expect(store.signedUrl(key, 0)).rejects.toThrow(/lifetime/);
    await expect(store.signedUrl(key, 7 * 24 * 3600)).rejects.toThrow(/lifetime/);
  });
});
