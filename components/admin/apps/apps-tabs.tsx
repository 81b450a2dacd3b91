import { getTranslations } from "next-intl/server";
import { TabLinks } from "@/components/ui/tab-links";

/** Apps and API: the apps (clients, keys) and the webhooks. */
export async function AppsTabs({ current }: { current: "clients" | "webhooks" }) {
  const t = await getTranslations("apps.tabs");
  return (
    <TabLinks
      label={t("label")}
      tabs={[
        { key: "clients", href: "/admin/apps", label: t("clients"), current: current === "clients" },
        { key: "webhooks", href: "/admin/apps/webhooks", label: t("webhooks"), current: current === "webhooks" },
      ]}
    />
  );
}
