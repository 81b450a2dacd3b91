import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { documentText, policyDocument, purposeName } from "@/lib/consents/policies";
import { enterLocale } from "@/lib/i18n/page";
import { isLocale, routing } from "@/lib/i18n/routing";
import { PURPOSE_ID_PATTERN } from "@/lib/consents/schemas";

async function documentFor(params: PageProps<"/[locale]/legal/[policy]">["params"], version?: string) {
  const { policy } = await params;
  return PURPOSE_ID_PATTERN.test(policy) ? policyDocument(policy, version) : null;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/legal/[policy]">): Promise<Metadata> {
  const { locale } = await params;
  const document = await documentFor(params);
  return { title: document ? purposeName(document.purpose, isLocale(locale) ? locale : routing.defaultLocale) : undefined };
}

/**
 * A consent purpose's published text (terms, privacy policy, each optional purpose), the current
 * version or, with ?version=, the one a consent record refers to.
 */
export default async function PolicyPage({ params, searchParams }: PageProps<"/[locale]/legal/[policy]">) {
  const locale = await enterLocale(params);
  const { version } = await searchParams;
  const document = await documentFor(params, typeof version === "string" ? version.slice(0, 40) : undefined);
  if (!document) notFound();
  const [t, format] = await Promise.all([getTranslations("legal"), getFormatter()]);
  const [heading, ...body] = documentText(document, locale).trim().split("\n");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{heading?.replace(/^#\s*/, "")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("versionPublished", { version: document.version, date: format.dateTime(document.publishedAt, { dateStyle: "long" }) })}
        </p>
        <div className="mt-6 space-y-3 leading-relaxed whitespace-pre-line">
          {body
            .filter((line) => line.trim())
            .map((line, index) => (
              <p key={index}>{line}</p>
            ))}
        </div>
      </main>
    </>
  );
}
