import { getLocale, getTranslations } from "next-intl/server";
import { formatLocalDate } from "@/lib/i18n/format-local-date";
import type { Warranty } from "@/lib/warranty/compute";
import { explainWarranty, type WarrantyTranslator } from "@/lib/warranty/explain";
import { inLocale } from "@/lib/i18n/localized";

const STATUS_STYLE = {
  COVERED: "border-green-200 bg-green-50 text-green-900",
  EXPIRING_SOON: "border-amber-300 bg-amber-50 text-amber-900",
  EXPIRED: "border-slate-300 bg-slate-100 text-slate-800",
} as const;

/**
 * The warranty as the engine computed it: the headline, then the explanation in sentences built
 * from the engine's parts (lib/warranty/explain.ts). No arithmetic here.
 */
export async function WarrantySummary({ warranty, compact = false }: { warranty: Warranty; compact?: boolean }) {
  const t = await getTranslations("warranty");
  const locale = await getLocale();
  const headline = await warrantyHeadline(warranty);
  const explanation = explainWarranty(warranty, t as unknown as WarrantyTranslator, locale);
  return (
    <div className={`rounded-md border px-3 py-2 ${STATUS_STYLE[warranty.status]}`} data-testid="warranty">
      <p className="font-semibold">
        <span className="sr-only">{t(`status.${warranty.status}`)}: </span>
        {headline}
      </p>
      <p className="text-sm">{explanation}</p>
      {!compact &&
        warranty.droppedExtensions.map((extension) => (
          <p key={extension.id} className="mt-1 text-sm">
            {t("droppedExtension", { name: inLocale(locale, extension.name) })}
          </p>
        ))}
    </div>
  );
}

/** `badge`: the state is shown beside it, so "ends soon" is not said twice. */
async function warrantyHeadline(warranty: Warranty, badge = false): Promise<string> {
  const t = await getTranslations("warranty");
  const until = await formatLocalDate(warranty.coveredUntil);
  if (warranty.status === "EXPIRED") return t("expired", { date: until });
  if (warranty.status === "EXPIRING_SOON" && !badge) return t("expiringSoon", { date: until, days: warranty.daysLeft });
  return t("covered", { date: until, days: warranty.daysLeft });
}

/** One line for lists (My Page): the state as a badge and until when, without the explanation. */
export async function WarrantyStatusLine({ warranty }: { warranty: Warranty }) {
  const t = await getTranslations("warranty");
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="warranty-status">
      <span className={`rounded border px-2 py-0.5 font-semibold ${STATUS_STYLE[warranty.status]}`}>{t(`status.${warranty.status}`)}</span>
      <span>{await warrantyHeadline(warranty, true)}</span>
    </p>
  );
}
