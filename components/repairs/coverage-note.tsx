import { getTranslations } from "next-intl/server";
import type { RepairCoverage } from "@/lib/generated/prisma/enums";

const STYLE: Record<RepairCoverage, string> = {
  WARRANTY: "border-green-200 bg-green-50 text-green-900",
  RECALL: "border-red-300 bg-red-50 text-red-950",
  PAID: "border-amber-300 bg-amber-50 text-amber-900",
};

/** What the repair costs the customer: free in warranty or under a recall, an estimate first otherwise. */
export async function CoverageNote({ coverage, recallTitle }: { coverage: RepairCoverage; recallTitle?: string | null }) {
  const t = await getTranslations("repairs");
  return (
    <div className={`rounded-md border px-3 py-2 ${STYLE[coverage]}`} data-testid="repair-coverage">
      <p className="font-semibold">{t(`coverageName.${coverage}`)}</p>
      <p className="text-sm">{coverage === "RECALL" ? t("coverage.RECALL", { title: recallTitle ?? "" }) : t(`coverage.${coverage}`)}</p>
    </div>
  );
}
