/**
 * POST a file as the raw body with upload progress (fetch cannot report it), resolving to the
 * status and parsed JSON body. Shared by photo uploads and CSV imports.
 */
export function uploadWithProgress(
  url: string,
  file: Blob,
  onProgress: (percent: number) => void,
  locale: string,
): { promise: Promise<{ status: number; body: Record<string, unknown> }>; abort: () => void } {
  const request = new XMLHttpRequest();
  const promise = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    request.open("POST", url);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    // Errors come back in the language of the page (see lib/route.ts).
    request.setRequestHeader("x-portal-locale", locale);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(request.responseText) as Record<string, unknown>;
      } catch {
        // not JSON: the caller shows its generic message
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new Error("network"));
    request.onabort = () => reject(new Error("aborted"));
    request.send(file);
  });
  return { promise, abort: () => request.abort() };
}

/** The translated message of a route error (`{ error: { message } }`), if any. */
export function errorMessageOf(body: Record<string, unknown>): string | undefined {
  const error = body.error as { message?: unknown } | undefined;
  return typeof error?.message === "string" ? error.message : undefined;
}
