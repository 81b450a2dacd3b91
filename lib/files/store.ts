import "server-only";
import { env } from "@/lib/env";
import type { FileStorage } from "@/lib/generated/prisma/enums";
import { localStore } from "./local-store";

/**
 * The one storage interface for uploads: uploadthing (private access) when UPLOADTHING_TOKEN is
 * set, the private local store otherwise. Both are written only after the image has been checked
 * and re-encoded, and read only through the access-checked file route.
 */
export type Delivery = { kind: "bytes"; data: Buffer } | { kind: "redirect"; url: string } | null;

export type FileStore = {
  kind: FileStorage;
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** How to hand the file to a browser that passed the access check. */
  deliver(key: string): Promise<Delivery>;
  /** The bytes, for server-side work (a customer's data export); null when the file is gone. */
  read(key: string): Promise<Buffer | null>;
};

/** Signed uploadthing URLs are handed out per request and live this long. */
export const SIGNED_URL_SECONDS = 120;

const local: FileStore = {
  kind: "LOCAL",
  put: (key, data) => localStore.put(key, data),
  remove: (key) => localStore.remove(key),
  async deliver(key) {
    const data = await localStore.get(key);
    return data ? { kind: "bytes", data } : null;
  },
  read: (key) => localStore.get(key),
};

let uploadthing: Promise<FileStore> | undefined;

async function createUploadthing(token: string): Promise<FileStore> {
  const { createUploadthingStore } = await import("./uploadthing-store");
  const store = createUploadthingStore({ token, ingestUrl: env.UPLOADTHING_INGEST_URL, apiUrl: env.UPLOADTHING_API_URL });
  return {
    kind: "UPLOADTHING",
    put: (key, data, contentType) => store.put(key, data, contentType),
    remove: (key) => store.remove(key),
    deliver: async (key) => ({ kind: "redirect", url: await store.signedUrl(key, SIGNED_URL_SECONDS) }),
    async read(key) {
      const response = await fetch(await store.signedUrl(key, SIGNED_URL_SECONDS));
      return response.ok ? Buffer.from(await response.arrayBuffer()) : null;
    },
  };
}

/** The store new uploads go to. */
export async function currentStore(): Promise<FileStore> {
  if (!env.UPLOADTHING_TOKEN) return local;
  uploadthing ??= createUploadthing(env.UPLOADTHING_TOKEN);
  return uploadthing;
}

/** The store a file was written to (a file stays where it was put, whatever the setting now). */
export async function storeFor(storage: FileStorage): Promise<FileStore> {
  if (storage === "LOCAL") return local;
  const store = await currentStore();
  if (store.kind !== "UPLOADTHING") throw new Error("File is in uploadthing but UPLOADTHING_TOKEN is not set");
  return store;
}
