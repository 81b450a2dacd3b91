import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { Link } from "@/lib/i18n/navigation";
import { STAFF_PAGES } from "@/lib/navigation/staff-pages";

/** The sections of the points area, those the user may open, with the current one marked. */
const SECTIONS = [
  { href: "/admin/points", key: "sectionCustomers" },
  { href: "/admin/points/rules", key: "sectionRules" },
  { href: "/admin/points/rewards", key: "sectionRewards" },
  { href: "/admin/points/report", key: "sectionReport" },
  { href: "/admin/points/settings", key: "sectionSettings" },
] as const;

export async function PointsAdminNav({ current }: { current: (typeof SECTIONS)[number]["href"] }) {
  const [t, user] = await Promise.all([getTranslations("pointsAdmin"), getCurrentUser()]);
  const visible = SECTIONS.filter((section) => {
    const page = STAFF_PAGES.find((p) => p.path === section.href);
    return page && can(user, page.permission);
  });
  return (
    <nav aria-label={t("sectionsLabel")} className="mb-6 flex flex-wrap gap-2 text-sm">
      {visible.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? "page" : undefined}
          className="rounded-full border border-slate-300 px-3 py-1 font-semibold text-slate-800 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
        >
          {t(section.key)}
        </Link>
      ))}
    </nav>
  );
}
