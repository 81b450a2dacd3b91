import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { enterLocale } from "@/lib/i18n/page";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { getStaffOverview } from "@/lib/staff/dashboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffDashboard({ params }: PageProps<"/[locale]/admin">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin");
  const [overview, t, format] = await Promise.all([getStaffOverview(), getTranslations(), getFormatter()]);
  const stats = [
    { label: t("staff.customers"), value: overview.customers },
    { label: t("staff.dealers"), value: overview.dealers },
    { label: t("staff.productModels"), value: overview.productModels },
  ];
  return (
    <>
      <PageTitle lead={t("staff.welcome", { name: user.name ?? user.email, role: t(`roles.${user.role}`) })}>{t("staff.title")}</PageTitle>
      <Card title={t("staff.statsTitle")}>
        <dl className="grid gap-4 sm:grid-cols-3">
          {stats.map((stat) => (
            <div key={stat.label} className="rounded-md bg-slate-50 p-4">
              <dt className="text-sm text-slate-600">{stat.label}</dt>
              <dd className="text-2xl font-bold">{format.number(stat.value)}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
