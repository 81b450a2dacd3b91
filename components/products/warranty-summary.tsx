import { getLocale, getTranslations } from "next-intl/server";
import { formatLocalDate } from "@/lib/i18n/format-local-date";
import type { Warranty, WarrantyPart } from "@/lib/warranty/compute";
import { inLocale } from "@/lib/i18n/localized";

const STATUS_STYLE = {
  COVERED: "border-green-200 bg-green-50 text-green-900",
  EXPIRING_SOON: "border-amber-300 bg-amber-50 text-amber-900",
  EXPIRED: "border-slate-300 bg-slate-100 text-slate-800",
} as const;

/**
 * The warranty as the engine computed it: the headline, then the explanation built from the
 * engine's parts ("12 months from purchase + 6 months for registering"). No arithmetic here.
 */
export async function WarrantySummary({ warranty, compact = false }: { warranty: Warranty; compact?: boolean }) {
  const t = await getTranslations("warranty");
  const locale = await getLocale();
  const until = await formatLocalDate(warranty.coveredUntil);
  const starts = await formatLocalDate(warranty.startsOn);
  const partText = (part: WarrantyPart) => {
    if (part.kind === "standard") {
      return part.from === "purchase"
        ? t("partFromPurchase", { months: part.months })
        : t("partFromManufacture", { months: part.months, grace: part.graceMonths });
    }
    if (part.kind === "registrationBonus") return t("partRegistrationBonus", { months: part.months });
    return t("partExtension", { months: part.months, name: inLocale(locale, part.name) });
  };
  const headline =
    warranty.status === "EXPIRED"
      ? t("expired", { date: until })
      : warranty.status === "EXPIRING_SOON"
        ? t("expiringSoon", { date: until, days: warranty.daysLeft })
        : t("covered", { date: until, days: warranty.daysLeft });
  const explanation = `${warranty.parts.map(partText).join(" + ")}`;
  return (
    <div className={`rounded-md border px-3 py-2 ${STATUS_STYLE[warranty.status]}`} data-testid="warranty">
      <p className="font-semibold">
        <span className="sr-only">{t(`status.${warranty.status}`)}: </span>
        {headline}
      </p>
      <p className="text-sm">{t("explanation", { parts: explanation, total: warranty.totalMonths })}</p>
      {!compact && (
        <>
          <p className="mt-1 text-sm">{t("startsOn", { date: starts })}</p>
          {warranty.droppedExtensions.map((extension) => (
            <p key={extension.id} className="mt-1 text-sm">
              {t("droppedExtension", { name: inLocale(locale, extension.name) })}
            </p>
          ))}
        </>
      )}
    </div>
  );
}
