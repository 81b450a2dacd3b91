import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/area-shell";
import { requireArea } from "@/lib/auth/permissions.server";

export default async function DealerLayout({ children }: LayoutProps<"/[locale]/dealer">) {
  const user = await requireArea("dealer");
  const t = await getTranslations("nav");
  return (
    <AreaShell user={user} nav={[
        { href: "/dealer", label: t("dealerHome") },
        { href: "/account", label: t("account") },
      ]}>
      {children}
    </AreaShell>
  );
}
