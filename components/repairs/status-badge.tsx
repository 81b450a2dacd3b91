import { getTranslations } from "next-intl/server";
import type { RepairStatus } from "@/lib/generated/prisma/enums";

const STYLE: Record<RepairStatus, string> = {
  RECEIVED: "border-slate-300 bg-slate-100 text-slate-800",
  DIAGNOSING: "border-brand-100 bg-brand-50 text-brand-800",
  WAITING_FOR_CUSTOMER: "border-amber-300 bg-amber-50 text-amber-900",
  ESTIMATE_SENT: "border-amber-300 bg-amber-50 text-amber-900",
  REPAIRING: "border-brand-100 bg-brand-50 text-brand-800",
  SHIPPED_BACK: "border-brand-100 bg-brand-50 text-brand-800",
  COMPLETED: "border-green-200 bg-green-50 text-green-900",
  CANCELLED: "border-slate-300 bg-white text-slate-700",
};

/** A ticket's status as a badge; the states that wait for the customer stand out. */
export async function RepairStatusBadge({ status }: { status: RepairStatus }) {
  const t = await getTranslations("repairs");
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${STYLE[status]}`}>
      {t(`statusName.${status}`)}
    </span>
  );
}
