import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ModelForm } from "@/components/admin/model-form";
import { GrantPlanForm } from "@/components/admin/grant-plan-form";
import { PlanForm } from "@/components/admin/plan-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { getModel } from "@/lib/catalog/models";
import { enterLocale } from "@/lib/i18n/page";
import { nameIn } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalog"))("editModel") };
}

export default async function EditModelPage({ params }: PageProps<"/[locale]/admin/catalog/[code]">) {
  await enterLocale(params);
  await requireStaffPage("/admin/catalog/[code]");
  const { code } = await params;
  const model = await getModel(code);
  if (!model) notFound();
  const [t, locale] = await Promise.all([getTranslations("catalog"), getLocale()]);
  return (
    <>
      <PageTitle lead={t("unitsCount", { count: model._count.units })}>{`${t("editModel")}: ${model.code}`}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          {model.imageFileId && (
            // eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route
            <img
              src={`/api/files/${model.imageFileId}?variant=thumb`}
              alt={nameIn(locale, model)}
              className="mb-4 h-32 w-32 rounded object-cover"
            />
          )}
          <ModelForm
            existingCode={model.code}
            initial={{
              code: model.code,
              nameJa: model.nameJa,
              nameEn: model.nameEn,
              category: model.category,
              warrantyMonths: model.warrantyMonths,
              warrantyBasis: model.warrantyBasis,
              graceMonths: model.graceMonths,
              registrationBonusMonths: model.registrationBonusMonths,
              registrationWindowDays: model.registrationWindowDays === null ? "" : String(model.registrationWindowDays),
              serialPattern: model.serialPattern,
              checkDigit: model.checkDigit,
              imageFileId: "",
              archived: model.archivedAt !== null,
            }}
          />
        </Card>
        <Card title={t("plansTitle")}>
          {model.plans.length === 0 ? (
            <p className="mb-4 text-sm text-slate-700">{t("noPlans")}</p>
          ) : (
            <ul className="mb-4 space-y-2 text-sm">
              {model.plans.map((plan) => (
                <li key={plan.id} className="rounded border border-slate-200 p-2">
                  <strong>{nameIn(locale, plan)}</strong> —{" "}
                  {t("planSummary", { months: plan.months, transferable: plan.transferable ? "yes" : "no" })}
                  {plan.priceYen !== null && <> · ¥{plan.priceYen.toLocaleString("ja-JP")}</>}
                </li>
              ))}
            </ul>
          )}
          <PlanForm modelCode={model.code} />
          {model.plans.some((plan) => !plan.archivedAt) && (
            <div className="mt-6 border-t border-slate-200 pt-4">
              <GrantPlanForm
                plans={model.plans.filter((plan) => !plan.archivedAt).map((plan) => ({ id: plan.id, name: nameIn(locale, plan) }))}
              />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
