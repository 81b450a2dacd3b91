import { getTranslations } from "next-intl/server";
import { TabLinks } from "@/components/ui/tab-links";

export const PRIVACY_TABS = [
  { key: "consents", href: "/mypage/privacy" },
  { key: "notifications", href: "/mypage/privacy/notifications" },
  { key: "data", href: "/mypage/privacy/data" },
  { key: "access", href: "/mypage/privacy/access" },
  { key: "apps", href: "/mypage/privacy/apps" },
  { key: "delete", href: "/mypage/privacy/delete" },
] as const;

/** The privacy center's sections (issue 14), the current one marked. */
export async function PrivacyTabs({ current }: { current: (typeof PRIVACY_TABS)[number]["key"] }) {
  const t = await getTranslations("privacy.tabs");
  return (
    <TabLinks
      label={t("label")}
      tabs={PRIVACY_TABS.map((tab) => ({ key: tab.key, href: tab.href, label: t(tab.key), current: tab.key === current }))}
    />
  );
}
