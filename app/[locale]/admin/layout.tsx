import { getTranslations } from "next-intl/server";
import { AreaShell, type NavItem } from "@/components/area-shell";
import { can } from "@/lib/auth/permissions";
import { requireArea } from "@/lib/auth/permissions.server";

export default async function StaffLayout({ children }: LayoutProps<"/[locale]/admin">) {
  const user = await requireArea("staff");
  const t = await getTranslations("nav");
  const nav: NavItem[] = [{ href: "/admin", label: t("staffHome") }];
  if (can(user, "claims.review")) nav.push({ href: "/admin/claims", label: t("claims") });
  if (can(user, "catalog.manage")) nav.push({ href: "/admin/catalog", label: t("catalog") });
  if (can(user, "registry.import")) nav.push({ href: "/admin/registry", label: t("registry") });
  if (can(user, "recalls.manage")) nav.push({ href: "/admin/recalls", label: t("recalls") });
  if (can(user, "audit.read")) nav.push({ href: "/admin/audit", label: t("audit") });
  nav.push({ href: "/account", label: t("account") });
  return (
    <AreaShell user={user} nav={nav}>
      {children}
    </AreaShell>
  );
}
