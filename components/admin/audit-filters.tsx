import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { Link } from "@/lib/i18n/navigation";
import { AUDIT_EXPORT_LIMIT, AUDIT_OUTCOMES, auditFilterParams, type AuditFilter } from "@/lib/audit/queries";

/** Audit-log filters as a GET form: the URL holds them, so a filtered view can be shared. */
export async function AuditFilters({ filter, actions }: { filter: AuditFilter; actions: string[] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const actionLabel = (action: string) => {
    // catalog keys cannot contain dots: "auth.sign_in" → "auth_sign_in"
    const key = `auditActions.${action.replaceAll(".", "_")}` as "auditActions.auth_sign_in";
    return t.has(key) ? t(key) : action;
  };
  const options = filter.action && !actions.includes(filter.action) ? [...actions, filter.action] : actions;
  return (
    <form method="get" role="search" aria-label={t("staff.auditFilters")} className="mb-4 space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <FormField label={t("staff.auditFilterActor")} name="actor" type="search" defaultValue={filter.actor ?? ""} maxLength={320} />
        <SelectField label={t("staff.auditFilterAction")} name="action" defaultValue={filter.action ?? ""}>
          <option value="">{t("staff.auditFilterAny")}</option>
          {options.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("staff.auditFilterOutcome")} name="outcome" defaultValue={filter.outcome ?? ""}>
          <option value="">{t("staff.auditFilterAny")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`auditOutcomes.${outcome}`)}
            </option>
          ))}
        </SelectField>
        <FormField
          label={t("staff.auditFilterFrom")}
          name="from"
          type="date"
          defaultValue={filter.from ?? ""}
          hint={t("staff.auditFilterDatesHint")}
        />
        <FormField label={t("staff.auditFilterTo")} name="to" type="date" defaultValue={filter.to ?? ""} />
        <FormField
          label={t("staff.auditFilterTarget")}
          name="target"
          type="search"
          defaultValue={filter.target ?? ""}
          maxLength={100}
          hint={t("staff.auditFilterTargetHint")}
        />
        <FormField
          label={t("staff.auditSearch")}
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          maxLength={200}
          hint={t("staff.auditSearchHint")}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit">{t("staff.auditApply")}</Button>
        <Link href="/admin/audit" className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline">
          {t("staff.auditReset")}
        </Link>
        <a
          href={`/api/audit/export?${new URLSearchParams({ ...auditFilterParams(filter), locale })}`}
          className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline"
          download
        >
          {t("staff.auditCsvLink", { limit: AUDIT_EXPORT_LIMIT })}
        </a>
      </div>
    </form>
  );
}
