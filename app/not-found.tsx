import Link from "next/link";
import ja from "@/lib/i18n/messages/ja.json";
import en from "@/lib/i18n/messages/en.json";

// Reached only for paths outside the locale segment (the proxy prefixes everything else), so it
// cannot know the language: it shows both.
export default function GlobalNotFound() {
  return (
    <html lang="ja">
      <body className="flex min-h-screen items-center justify-center p-6">
        <main className="max-w-md space-y-4 text-center">
          <h1 className="text-2xl font-bold">{ja.errors.notFoundTitle}</h1>
          <p lang="en" className="text-xl font-semibold">
            {en.errors.notFoundTitle}
          </p>
          <Link href="/" className="text-brand-700 underline">
            {ja.common.backHome} / <span lang="en">{en.common.backHome}</span>
          </Link>
        </main>
      </body>
    </html>
  );
}
