import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** On a product's card: an open safety notice for it, linking to what to do. */
export async function RecallFlag({ notice }: { notice: { id: string; acknowledgedAt: Date | null } }) {
  const t = await getTranslations("recalls");
  return (
    <Link
      href={`/mypage/recalls/${notice.id}`}
      className="inline-flex items-center gap-1 rounded-md border-2 border-red-300 bg-red-50 px-2 py-1 text-sm font-semibold text-red-900 underline"
    >
      <span aria-hidden="true">⚠</span>
      {notice.acknowledgedAt ? t("flagPending") : t("flagOpen")}
    </Link>
  );
}
