import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacyDelete"))("doneTitle") };
}

/** Where a deleted account lands: signed out, with what happens next. */
export default async function AccountDeletedPage({ params }: PageProps<"/[locale]/account-deleted">) {
  await enterLocale(params);
  const t = await getTranslations("privacyDelete");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{t("doneTitle")}</h1>
        <p className="mt-4 leading-relaxed">{t("doneBody")}</p>
      </main>
    </>
  );
}
