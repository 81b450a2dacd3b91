import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { RuleForm } from "@/components/admin/points/rule-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { UserText } from "@/components/ui/user-text";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { getRule } from "@/lib/points/rules";
import { businessToday } from "@/lib/time/business-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("ruleTitle") };
}

/** One rule: the form for its next version, and every version so far (who, when, why, how many awards). */
export default async function RulePage({ params }: PageProps<"/[locale]/admin/points/rules/[id]">) {
  const { id } = await params;
  await enterLocale(params);
  await requireStaffPage("/admin/points/rules/[id]");
  const rule = await getRule(id.slice(0, 40));
  if (!rule) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("pointsAdmin"), getFormatter(), getLocale()]);
  const current = rule.versions[0]!;
  const campaign = rule.kind === "CAMPAIGN";
  const dayOf = (instant: Date | null, end = false) => (instant ? businessToday(new Date(instant.getTime() - (end ? 1 : 0))) : "");
  return (
    <>
      <PageTitle lead={t(`ruleKind.${rule.kind}`)}>{locale === "en" ? current.nameEn : current.nameJa}</PageTitle>
      <PointsAdminNav current="/admin/points/rules" />
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <Card title={t("nextVersionTitle", { version: current.version + 1 })}>
          <RuleForm
            campaign={campaign}
            defaults={{
              ruleId: rule.id,
              nameJa: current.nameJa,
              nameEn: current.nameEn,
              active: current.active ? "yes" : "no",
              points: current.points,
              pendingDays: current.pendingDays,
              expiryMonths: current.expiryMonths,
              startsOn: dayOf(current.startsAt),
              endsOn: dayOf(current.endsAt, true),
              category: current.category ?? "",
              capPerCustomer: current.capPerCustomer ?? "",
              capTotal: current.capTotal ?? "",
              note: "",
            }}
          />
        </Card>
        <Card title={t("versionsTitle")}>
          <ol className="space-y-3 text-sm">
            {rule.versions.map((v) => (
              <li key={v.id} className="rounded-md border border-slate-200 p-3" data-testid="rule-version">
                <p className="font-semibold">
                  {t("rule.versionShown", { version: v.version })} ·{" "}
                  {t("versionSummary", { points: v.points, pending: v.pendingDays, expiry: v.expiryMonths })}
                  {!v.active && ` · ${t("rule.activeNo")}`}
                </p>
                <p className="text-slate-700">
                  {format.dateTime(v.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {v.createdBy && (
                    <>
                      {" · "}
                      <UserText>{v.createdBy.name ?? v.createdBy.email}</UserText>
                    </>
                  )}
                  {" · "}
                  {t("versionAwards", { count: v._count.entries })}
                </p>
                {v.note && <p className="[unicode-bidi:isolate]">{v.note}</p>}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
