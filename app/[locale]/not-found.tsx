import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto flex w-full max-w-xl flex-1 flex-col items-start gap-4 px-4 py-16">
        <h1 className="text-2xl font-bold">{t("errors.notFoundTitle")}</h1>
        <p className="text-slate-700">{t("errors.notFoundBody")}</p>
        <Button asChild variant="secondary">
          <Link href="/">{t("common.backHome")}</Link>
        </Button>
      </main>
    </>
  );
}
