import { getTranslations } from "next-intl/server";
import { TabLinks } from "@/components/ui/tab-links";

const TABS = [
  { key: "policies", href: "/admin/privacy" },
  { key: "stats", href: "/admin/privacy/stats" },
  { key: "retention", href: "/admin/privacy/retention" },
] as const;

/** The staff privacy pages (issue 14), the current one marked. */
export async function PrivacyAdminTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("privacyAdmin.tabs");
  return (
    <TabLinks
      label={t("label")}
      tabs={TABS.map((tab) => ({ key: tab.key, href: tab.href, label: t(tab.key), current: tab.key === current }))}
    />
  );
}
