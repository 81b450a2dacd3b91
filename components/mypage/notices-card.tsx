import { getLocale, getTranslations } from "next-intl/server";
import { inLocale, nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { OwnRecallNotice } from "@/lib/recalls/notices";

/**
 * My Page: safety notices not yet resolved (unread, or read with the fix still to come), first on
 * the page. Rendered only when there is one.
 */
export async function NoticesCard({ notices }: { notices: OwnRecallNotice[] }) {
  const [t, locale] = await Promise.all([getTranslations("recalls"), getLocale()]);
  return (
    <section aria-labelledby="recall-notices" className="rounded-lg border-2 border-red-300 bg-red-50 p-4 text-red-950 sm:p-6">
      <h2 id="recall-notices" className="mb-3 text-lg font-semibold">
        {t("mypageTitle")}
      </h2>
      <ul className="space-y-3">
        {notices.map((notice) => (
          <li key={notice.id}>
            <Link href={`/mypage/recalls/${notice.id}`} className="font-semibold underline">
              {inLocale(locale, notice.title)}
            </Link>
            <p className="text-sm">
              {nameIn(locale, notice.model)} · <span className="font-mono break-all">{notice.serial}</span> —{" "}
              {notice.acknowledgedAt ? t("statusPending") : t("statusOpen")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
