import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { POLICIES, policyText, type PolicyId } from "@/lib/consents/policies";
import { enterLocale } from "@/lib/i18n/page";

function isPolicy(value: string): value is PolicyId {
  return Object.hasOwn(POLICIES, value);
}

export async function generateMetadata({ params }: PageProps<"/[locale]/legal/[policy]">): Promise<Metadata> {
  const { policy } = await params;
  const t = await getTranslations("legal");
  return { title: isPolicy(policy) ? t(policy) : undefined };
}

/** Terms of use and privacy policy, with the version a consent record refers to. */
export default async function PolicyPage({ params }: PageProps<"/[locale]/legal/[policy]">) {
  const locale = await enterLocale(params);
  const { policy } = await params;
  if (!isPolicy(policy)) notFound();
  const t = await getTranslations("legal");
  const [heading, ...body] = policyText(policy, locale).trim().split("\n");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{heading?.replace(/^#\s*/, "")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("version", { version: POLICIES[policy].version })}</p>
        <div className="mt-6 space-y-3 leading-relaxed">
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
