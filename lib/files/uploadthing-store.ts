import "server-only";
import { UTApi, UTFile } from "uploadthing/server";

/**
 * The uploadthing file store (uploads when UPLOADTHING_TOKEN is set). Same shape as the local
 * store: the server puts the already checked and re-encoded image itself (no browser upload),
 * with PRIVATE access, so the file is unreachable by its plain URL; a browser only ever gets a
 * short-lived signed URL, handed out after our own access check (ASVS 5.3.1).
 *
 * Requires, on the uploadthing dashboard: a region that offers private files and "allow
 * overriding the default ACL per request" (or private as the app's default ACL).
 */

/** Same rule as local-store.ts: only names we generated (see newFileKeys) are accepted. */
const KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f-]{36}(-thumb)?\.webp$/;

/** Signed URLs are for one page view; anything longer is a link that can be passed around. */
const MAX_SIGNED_URL_SECONDS = 3600;

export type UploadthingStoreOptions = {
  token: string;
  /** Test-only overrides (a local fake); unset in production. */
  ingestUrl?: string;
  apiUrl?: string;
};

export type UploadthingStore = {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
  signedUrl(key: string, expiresInSeconds: number): Promise<string>;
};

/**
 * Our key as uploadthing customId. The file is later addressed by it (delete by customId, and
 * `https://<appId>.ufs.sh/f/<customId>`), so we need not keep uploadthing's own file key.
 * Slashes would split that URL path, so they become "_"; the pattern makes this one-to-one.
 */
function customIdFor(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`Invalid file key: ${key}`);
  return key.replaceAll("/", "_");
}

export function createUploadthingStore(options: UploadthingStoreOptions): UploadthingStore {
  // Everything is passed explicitly (lib/env.ts is the only reader of process.env). The overrides
  // are UTApi's own `ingestUrl` / `apiUrl` options: the token's `ingestHost` cannot point at a
  // local http server (uploadthing always builds https://<region>.<ingestHost>). Undefined keys
  // are left out: UTApi falls back to UPLOADTHING_* variables only for keys it is not given.
  const utapi = new UTApi({
    token: options.token,
    ...(options.ingestUrl ? { ingestUrl: options.ingestUrl } : {}),
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
  });

  return {
    async put(key, data, contentType) {
      const customId = customIdFor(key);
      const file = new UTFile([new Uint8Array(data)], customId, { type: contentType, customId });
      // uploadFiles reports failures in the result instead of throwing; a lost upload must not
      // be recorded as a stored file, so it becomes an error here.
      const result = await utapi.uploadFiles(file, { acl: "private", contentDisposition: "inline" });
      if (result.error) {
        throw new Error(`uploadthing upload of ${key} failed: ${result.error.code} ${result.error.message}`);
      }
    },

    async remove(key) {
      // Like the local store's rm({ force: true }): removing a file that is already gone is fine
      // (deletedCount 0); only a refused request is an error.
      const result = await utapi.deleteFiles(customIdFor(key), { keyType: "customId" });
      if (!result.success) throw new Error(`uploadthing delete of ${key} failed`);
    },

    async signedUrl(key, expiresInSeconds) {
      const customId = customIdFor(key);
      if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_SIGNED_URL_SECONDS) {
        throw new Error(`Signed URL lifetime must be 1-${MAX_SIGNED_URL_SECONDS} seconds`);
      }
      // Signed locally with the API key (no request to uploadthing). generateSignedURL has no
      // keyType option; the customId works in the URL path in place of the file key.
      const { ufsUrl } = await utapi.generateSignedURL(customId, { expiresIn: expiresInSeconds });
      return ufsUrl;
    },
  };
}
