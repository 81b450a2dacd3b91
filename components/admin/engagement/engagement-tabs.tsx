import { getTranslations } from "next-intl/server";
import { TabLinks } from "@/components/ui/tab-links";

const TABS = [
  { key: "campaigns", href: "/admin/engagement" },
  { key: "segments", href: "/admin/engagement/segments" },
  { key: "surveys", href: "/admin/engagement/surveys" },
  { key: "profiling", href: "/admin/engagement/profiling" },
] as const;

/** The pages of "Know the owners" (issue 15), the current one marked. */
export async function EngagementTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("engagement.tabs");
  return (
    <TabLinks
      label={t("label")}
      tabs={TABS.map((tab) => ({ key: tab.key, href: tab.href, label: t(tab.key), current: tab.key === current }))}
    />
  );
}
