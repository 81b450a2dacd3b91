import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { isOutboxVisible, listOutbox } from "@/lib/email/outbox";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title"), robots: { index: false } };
}

/** Turns the URLs in a plain-text email into links (the text itself is rendered as text). */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part} className="break-all text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** Development and demo only: the emails the portal would have sent. */
export default async function OutboxPage({ params }: PageProps<"/[locale]/dev/outbox">) {
  await enterLocale(params);
  await connection(); // read at request time, never prerendered at build
  if (!isOutboxVisible()) notFound();
  const [t, format, emails] = await Promise.all([getTranslations("outbox"), getFormatter(), listOutbox()]);
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("lead")}</p>
        {emails.length === 0 ? (
          <p className="mt-6 text-slate-600">{t("empty")}</p>
        ) : (
          <ol className="mt-6 space-y-4">
            {emails.map((email) => (
              <li key={email.id}>
                <article className="rounded-lg border border-slate-200 bg-white p-4">
                  <h2 className="font-semibold">{email.subject}</h2>
                  <p className="text-sm text-slate-600">
                    {t("to")}: <span className="font-mono">{email.to}</span> ·{" "}
                    {format.dateTime(email.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                  </p>
                  <div className="mt-3 text-sm whitespace-pre-wrap">{linkify(email.text)}</div>
                </article>
              </li>
            ))}
          </ol>
        )}
      </main>
    </>
  );
}
