import { getTranslations } from "next-intl/server";
import { enterLocale } from "@/lib/i18n/page";
import { SiteHeader } from "@/components/site-header";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { areaOf, homePathFor } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";

export default async function LandingPage({ params }: PageProps<"/[locale]">) {
  await enterLocale(params);
  const t = await getTranslations();
  const user = await getCurrentUser();
  const features = [
    { title: t("landing.featureRegisterTitle"), body: t("landing.featureRegisterBody") },
    { title: t("landing.featureRepairTitle"), body: t("landing.featureRepairBody") },
    { title: t("landing.featurePointsTitle"), body: t("landing.featurePointsBody") },
  ];
  const areaLabel = user ? t(`nav.${areaOf(user.role)}`) : "";
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-10 sm:py-16">
        <section className="max-w-2xl">
          <h1 className="text-3xl font-bold leading-tight text-slate-900 sm:text-4xl">{t("landing.title")}</h1>
          <p className="mt-4 text-lg text-slate-700">{t("landing.lead")}</p>
          <div className="mt-8">
            {user ? (
              <Button asChild>
                <Link href={homePathFor(user.role)}>{t("landing.goToArea", { area: areaLabel })}</Link>
              </Button>
            ) : (
              <div className="flex flex-wrap gap-3">
                <Button asChild>
                  <Link href="/signin">{t("landing.cta")}</Link>
                </Button>
                <Button asChild variant="secondary">
                  <Link href="/signup">{t("landing.signUp")}</Link>
                </Button>
              </div>
            )}
          </div>
        </section>
        <ul className="mt-12 grid gap-4 sm:grid-cols-3">
          {features.map((feature) => (
            <li key={feature.title} className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 className="font-semibold text-slate-900">{feature.title}</h2>
              <p className="mt-2 text-sm text-slate-700">{feature.body}</p>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
