import { enterLocale } from "@/lib/i18n/page";
import { redirect } from "@/lib/i18n/navigation";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

/** "Know the owners" starts with its first tab. */
export default async function EngagementPage({ params }: PageProps<"/[locale]/admin/engagement">) {
  const locale = await enterLocale(params);
  await requireStaffPage("/admin/engagement");
  redirect({ href: "/admin/engagement/campaigns", locale });
}
