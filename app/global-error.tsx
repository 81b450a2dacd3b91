"use client";

import ja from "@/lib/i18n/messages/ja.json";
import en from "@/lib/i18n/messages/en.json";

// Last resort when the root layout itself fails: no providers are available, so both languages
// are shown from the catalogs directly.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ja">
      <body style={{ fontFamily: "sans-serif", padding: 24 }}>
        <main>
          <h1>{ja.errors.errorTitle}</h1>
          <p lang="en">{en.errors.errorTitle}</p>
          <button type="button" onClick={reset}>
            {ja.errors.retry} / <span lang="en">{en.errors.retry}</span>
          </button>
        </main>
      </body>
    </html>
  );
}
