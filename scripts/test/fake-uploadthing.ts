/**
 * A local stand-in for uploadthing (there is no offline mode), for tests of lib/files. One
 * node:http server on loopback plays three parts, each checking what the real service checks:
 *
 *   ingest  PUT  /<fileKey>?expires=..&x-ut-*=..&signature=..   (UTApi.uploadFiles)
 *   API     POST /v6/deleteFiles   header x-uploadthing-api-key  (UTApi.deleteFiles)
 *   CDN     GET  /f/<fileKey or customId>?expires=..&signature=..  (URLs of <appId>.ufs.sh,
 *           reached through fetchSignedUrl below)
 *
 * Signed URLs carry "hmac-sha256=<hex>" of the whole URL without its signature parameter, keyed
 * with the API key from the token; the fake verifies that itself with node:crypto (not with
 * uploadthing's code, so a bug there would show). Files stay in memory. Test-only.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeFile = {
  /** uploadthing's file key (from the ingest URL path). */
  key: string;
  customId: string | null;
  /** The ACL the file got: the request's x-ut-acl, else the app default (public-read). */
  acl: "public-read" | "private";
  name: string;
  type: string;
  contentDisposition: string | null;
  data: Buffer;
};

export type FakeUploadthing = {
  /** Base URL; give it as both ingestUrl and apiUrl. */
  url: string;
  /** A well-formed UPLOADTHING_TOKEN for this fake (random API key and app id). */
  token: string;
  appId: string;
  /** Stored files by uploadthing file key. */
  files: Map<string, FakeFile>;
  /** The next ingest request (after its signature check) answers with this status. */
  failNextIngest(status?: number): void;
  /** Moves the fake's clock, to test expiry without waiting. */
  advanceClock(milliseconds: number): void;
  resetClock(): void;
  close(): Promise<void>;
};

const APP_DEFAULT_ACL = "public-read";

/** Splits off the signature parameter, leaving the exact text that was signed. */
function unsignedAndSignature(fullUrl: string): { unsigned: string; signature: string | null } {
  const queryStart = fullUrl.indexOf("?");
  if (queryStart === -1) return { unsigned: fullUrl, signature: null };
  const params = fullUrl.slice(queryStart + 1).split("&");
  const signatures = params.filter((param) => param.startsWith("signature="));
  const rest = params.filter((param) => !param.startsWith("signature="));
  const unsigned = fullUrl.slice(0, queryStart) + (rest.length ? `?${rest.join("&")}` : "");
  if (signatures.length !== 1) return { unsigned, signature: null };
  try {
    return { unsigned, signature: decodeURIComponent(signatures[0]!.slice("signature=".length)) };
  } catch {
    return { unsigned, signature: null };
  }
}

/** Why a signed URL is refused, or null when it is valid and unexpired. */
function checkSignedUrl(fullUrl: string, apiKey: string, now: number): string | null {
  const { unsigned, signature } = unsignedAndSignature(fullUrl);
  const hex = signature?.match(/^hmac-sha256=([0-9a-f]{64})$/)?.[1];
  if (!hex) return "missing or malformed signature";
  const expected = createHmac("sha256", apiKey).update(unsigned).digest();
  if (!timingSafeEqual(expected, Buffer.from(hex, "hex"))) return "bad signature";
  const expires = Number(new URL(unsigned).searchParams.get("expires"));
  if (!Number.isFinite(expires) || expires <= now) return "expired";
  return null;
}

/** x-ut-* values are URI-encoded once more before they go into the query (see generateSignedURL). */
function utParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value === null ? null : decodeURIComponent(value);
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function startFakeUploadthing(): Promise<FakeUploadthing> {
  const apiKey = `sk_test_${randomBytes(24).toString("hex")}`;
  const appId = `fakeapp${randomBytes(5).toString("hex")}`;
  // ingestHost under .invalid: a client that forgot the ingestUrl override fails to resolve
  // instead of reaching the real service.
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["fake1"], ingestHost: "ingest.invalid" })).toString("base64");
  const files = new Map<string, FakeFile>();
  let clockOffset = 0;
  let nextIngestStatus: number | null = null;
  const now = () => Date.now() + clockOffset;

  async function ingest(request: http.IncomingMessage, response: http.ServerResponse, fullUrl: string) {
    const body = await readBody(request);
    const refused = checkSignedUrl(fullUrl, apiKey, now());
    if (refused) return send(response, 403, { error: `Invalid signed URL: ${refused}` });
    const url = new URL(fullUrl);
    if (utParam(url, "x-ut-identifier") !== appId) return send(response, 403, { error: "Wrong app" });
    if (nextIngestStatus !== null) {
      const status = nextIngestStatus;
      nextIngestStatus = null;
      return send(response, status, { error: "Injected failure" });
    }
    const form = await new Response(new Uint8Array(body), {
      headers: { "content-type": request.headers["content-type"] ?? "" },
    }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) return send(response, 400, { error: "No file field" });
    const data = Buffer.from(await file.arrayBuffer());
    if (String(data.length) !== utParam(url, "x-ut-file-size")) return send(response, 400, { error: "Size mismatch" });
    const acl = utParam(url, "x-ut-acl") ?? APP_DEFAULT_ACL;
    if (acl !== "public-read" && acl !== "private") return send(response, 400, { error: "Invalid ACL" });
    const customId = utParam(url, "x-ut-custom-id");
    // Assumed like the real service: a customId names one file of the app.
    if (customId && [...files.values()].some((stored) => stored.customId === customId)) {
      return send(response, 409, { error: "customId already exists" });
    }
    const key = decodeURIComponent(url.pathname.slice(1));
    files.set(key, {
      key,
      customId,
      acl,
      name: utParam(url, "x-ut-file-name") ?? "",
      type: utParam(url, "x-ut-file-type") ?? "application/octet-stream",
      contentDisposition: utParam(url, "x-ut-content-disposition"),
      data,
    });
    const ufsUrl = `https://${appId}.ufs.sh/f/${key}`;
    send(response, 200, {
      url: ufsUrl,
      appUrl: `https://utfs.io/a/${appId}/${key}`,
      ufsUrl,
      fileHash: createHash("sha256").update(data).digest("hex"),
    });
  }

  async function api(request: http.IncomingMessage, response: http.ServerResponse, path: string) {
    const body = await readBody(request);
    const given = Buffer.from(String(request.headers["x-uploadthing-api-key"] ?? ""));
    if (given.length !== apiKey.length || !timingSafeEqual(given, Buffer.from(apiKey))) {
      return send(response, 401, { error: "Invalid API key" });
    }
    if (path !== "/v6/deleteFiles") return send(response, 404, { error: `Not faked: ${path}` });
    const { fileKeys, customIds } = JSON.parse(body.toString("utf8")) as { fileKeys?: string[]; customIds?: string[] };
    let deletedCount = 0;
    for (const [key, file] of files) {
      if (fileKeys?.includes(key) || (file.customId !== null && customIds?.includes(file.customId))) {
        files.delete(key);
        deletedCount++;
      }
    }
    send(response, 200, { success: true, deletedCount });
  }

  /** The CDN; fetchSignedUrl passes the URL's real host and protocol in X-Forwarded-* headers. */
  function cdn(request: http.IncomingMessage, response: http.ServerResponse) {
    const host = String(request.headers["x-forwarded-host"] ?? "");
    const protocol = String(request.headers["x-forwarded-proto"] ?? "https");
    if (host !== `${appId}.ufs.sh`) return send(response, 404, { error: "Unknown app" });
    const fullUrl = `${protocol}://${host}${request.url}`;
    const id = decodeURIComponent(new URL(fullUrl).pathname.slice("/f/".length));
    const file = files.get(id) ?? [...files.values()].find((stored) => stored.customId === id);
    // A private file needs a valid signature before anything, even "not found", is revealed.
    if (file?.acl !== "public-read") {
      const refused = checkSignedUrl(fullUrl, apiKey, now());
      if (refused) return send(response, 403, { error: `Invalid signed URL: ${refused}` });
    }
    if (!file) return send(response, 404, { error: "Not found" });
    response.writeHead(200, { "content-type": file.type, "content-length": file.data.length });
    response.end(file.data);
  }

  const server = http.createServer((request, response) => {
    const fullUrl = `http://${request.headers.host}${request.url}`;
    const path = new URL(fullUrl).pathname;
    const handled =
      request.method === "PUT"
        ? ingest(request, response, fullUrl)
        : request.method === "POST" && path.startsWith("/v6/")
          ? api(request, response, path)
          : request.method === "GET" && path.startsWith("/f/")
            ? Promise.resolve(cdn(request, response))
            : Promise.resolve(send(response, 404, { error: "Not found" }));
    handled.catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: String(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    appId,
    files,
    failNextIngest(status = 500) {
      nextIngestStatus = status;
    },
    advanceClock(milliseconds) {
      clockOffset += milliseconds;
    },
    resetClock() {
      clockOffset = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/**
 * Fetches a CDN URL (https://<appId>.ufs.sh/f/...) from the fake instead: same path and query,
 * the original host and protocol in X-Forwarded-* so the fake checks the signature of the very
 * URL the store handed out.
 */
export function fetchSignedUrl(fake: Pick<FakeUploadthing, "url">, signedUrl: string): Promise<Response> {
  const original = new URL(signedUrl);
  return fetch(`${fake.url}${original.pathname}${original.search}`, {
    headers: { "x-forwarded-host": original.host, "x-forwarded-proto": original.protocol.replace(/:$/, "") },
    redirect: "manual",
  });
}
