import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { ProgramForm, TierForm } from "@/components/admin/points/settings-forms";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { readProgramSettings } from "@/lib/points/velocity";
import { listTiers } from "@/lib/points/wallet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("settingsTitle") };
}

/** The program's settings (value of a point, approval threshold, velocity limits) and its tiers. */
export default async function PointsSettingsPage({ params }: PageProps<"/[locale]/admin/points/settings">) {
  await enterLocale(params);
  await requireStaffPage("/admin/points/settings");
  const [settings, tiers, t, locale] = await Promise.all([readProgramSettings(), listTiers(), getTranslations("pointsAdmin"), getLocale()]);
  return (
    <>
      <PageTitle lead={t("settingsLead")}>{t("settingsTitle")}</PageTitle>
      <PointsAdminNav current="/admin/points/settings" />
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <Card title={t("programTitle")}>
          <ProgramForm
            defaults={{
              pointValueSen: settings.pointValueSen,
              approvalThreshold: settings.approvalThreshold,
              maxRegistrationsPerAddressPerDay: settings.maxRegistrationsPerAddressPerDay,
              maxRemovalsPerMonth: settings.maxRemovalsPerMonth,
            }}
          />
        </Card>
        <div className="min-w-0 space-y-6">
          {tiers.map((tier) => (
            <Card key={tier.id} title={locale === "en" ? tier.nameEn : tier.nameJa}>
              <TierForm defaults={{ ...tier, tierId: tier.id }} />
            </Card>
          ))}
          <Card title={t("tierNew")}>
            <TierForm
              defaults={{
                tierId: "",
                code: "",
                nameJa: "",
                nameEn: "",
                threshold: "" as never,
                bonusWarrantyMonths: 0,
                benefitsJa: "",
                benefitsEn: "",
              }}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
