import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DeskSettingsForm } from "@/components/admin/desk-settings-form";
import { AddSymptomForm, SymptomActions } from "@/components/admin/symptom-category-forms";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/select-field";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { deskSettingsForm, listProductCategories, listSymptomCategories, upcomingPublicHolidays } from "@/lib/repairs/settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("repairs.settings"))("title") };
}

export default async function DeskSettingsPage({ params, searchParams }: PageProps<"/[locale]/admin/desk">) {
  await enterLocale(params);
  await requireStaffPage("/admin/desk");
  const requested = (await searchParams).category;
  const [initial, categories, t, format, locale] = await Promise.all([
    deskSettingsForm(),
    listProductCategories(),
    getTranslations("repairs.settings"),
    getFormatter(),
    getLocale(),
  ]);
  const category = typeof requested === "string" && categories.includes(requested) ? requested : categories[0];
  const symptoms = category ? await listSymptomCategories(category) : [];
  const holidays = upcomingPublicHolidays(10);
  const day = (date: string) =>
    format.dateTime(new Date(`${date}T00:00:00Z`), { timeZone: "UTC", year: "numeric", month: "long", day: "numeric", weekday: "short" });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("hoursTitle")} className="lg:col-span-2">
          <DeskSettingsForm initial={initial} />
        </Card>
        <Card title={t("holidaysTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("holidaysLead")}</p>
          <ul className="space-y-2 text-sm">
            {holidays.map((holiday) => (
              <li key={holiday.date} className="flex flex-col">
                <span className="font-medium">{day(holiday.date)}</span>
                <span className="text-slate-600">{locale === "ja" ? holiday.ja : holiday.en}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card title={t("symptomsTitle")} className="mt-6">
        <p className="mb-3 text-sm text-slate-600">{t("symptomsLead")}</p>
        {category ? (
          <>
            <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label={t("chooseCategory")}>
              <SelectField label={t("productCategory")} name="category" defaultValue={category}>
                {categories.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" variant="secondary">
                {t("show")}
              </Button>
            </form>
            <DataTable
              caption={t("symptomsOf", { category })}
              captionVisible
              empty={t("symptomsEmpty")}
              columns={[
                { id: "code", header: t("symptomCode"), className: "font-mono whitespace-nowrap" },
                { id: "nameJa", header: t("symptomNameJa"), className: "min-w-32" },
                { id: "nameEn", header: t("symptomNameEn"), className: "min-w-32" },
                { id: "state", header: t("symptomState"), className: "whitespace-nowrap" },
                { id: "actions", header: t("actions") },
              ]}
              rows={symptoms.map((symptom) => ({
                id: symptom.id,
                cells: {
                  code: symptom.code,
                  nameJa: <span lang="ja">{symptom.nameJa}</span>,
                  nameEn: <span lang="en">{symptom.nameEn}</span>,
                  state: symptom.archivedAt ? t("archived") : t("active", { count: symptom._count.tickets }),
                  actions: (
                    <SymptomActions
                      // Remount after a save so the rename form starts from the saved names.
                      key={`${symptom.nameJa}|${symptom.nameEn}|${Boolean(symptom.archivedAt)}`}
                      symptom={{
                        id: symptom.id,
                        code: symptom.code,
                        nameJa: symptom.nameJa,
                        nameEn: symptom.nameEn,
                        archived: Boolean(symptom.archivedAt),
                      }}
                    />
                  ),
                },
              }))}
            />
            <h3 className="mt-6 mb-3 text-base font-semibold">{t("addSymptomTo", { category })}</h3>
            <AddSymptomForm key={category} productCategory={category} />
          </>
        ) : (
          <p className="text-slate-600">{t("noCategories")}</p>
        )}
      </Card>
    </>
  );
}
