import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { Link } from "@/lib/i18n/navigation";
import { QUEUE_COVERAGES, QUEUE_SLA, QUEUE_SORTS, QUEUE_STATES, type QueueFilter } from "@/lib/repairs/queue";
import type { QueueFilterOptions } from "@/lib/repairs/queue-view";

/**
 * The queue's filters and search as a GET form: the URL holds them, so a filtered view can be
 * bookmarked and shared, and the CSV export reads the same parameters.
 */
export async function RepairQueueFilters({ filter, options }: { filter: QueueFilter; options: QueueFilterOptions }) {
  const t = await getTranslations("repairs.queue");
  const label = await getTranslations("repairs.staffLabels");
  const stateLabel = (state: (typeof QUEUE_STATES)[number]) =>
    state === "open" || state === "closed" || state === "any" ? t(`stateOptions.${state}`) : label(`status.${state}`);
  return (
    <form method="get" role="search" aria-label={t("filters")} className="mb-4 space-y-3">
      {filter.view !== "all" && <input type="hidden" name="view" value={filter.view} />}
      <FormField
        label={t("search")}
        name="q"
        type="search"
        defaultValue={filter.q ?? ""}
        maxLength={100}
        hint={t("searchHint")}
        className="w-full"
      />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {filter.view === "all" && (
          <SelectField label={t("state")} name="state" defaultValue={filter.state}>
            {QUEUE_STATES.map((state) => (
              <option key={state} value={state}>
                {stateLabel(state)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t("assignee")} name="assignee" defaultValue={filter.assignee ?? ""}>
          <option value="">{t("any")}</option>
          {options.agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name ?? agent.email}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("model")} name="model" defaultValue={filter.model ?? ""}>
          <option value="">{t("any")}</option>
          {options.models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.code}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("coverage")} name="coverage" defaultValue={filter.coverage ?? ""}>
          <option value="">{t("any")}</option>
          {QUEUE_COVERAGES.map((coverage) => (
            <option key={coverage} value={coverage}>
              {label(`coverage.${coverage}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("sla")} name="sla" defaultValue={filter.sla ?? ""}>
          <option value="">{t("any")}</option>
          {QUEUE_SLA.map((sla) => (
            <option key={sla} value={sla}>
              {t(`slaOptions.${sla}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("dealer")} name="dealer" defaultValue={filter.dealer ?? ""}>
          <option value="">{t("any")}</option>
          {options.dealers.map((dealer) => (
            <option key={dealer.id} value={dealer.id}>
              {dealer.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("sort")} name="sort" defaultValue={filter.sort}>
          {QUEUE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sortOptions.${sort}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit">{t("apply")}</Button>
        <Link
          href={{ pathname: "/admin/repairs", query: filter.view === "all" ? {} : { view: filter.view } }}
          className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline"
        >
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
