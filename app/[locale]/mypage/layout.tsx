import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/area-shell";
import { requireArea } from "@/lib/auth/permissions.server";

export default async function MyPageLayout({ children }: LayoutProps<"/[locale]/mypage">) {
  const user = await requireArea("mypage");
  const t = await getTranslations("nav");
  return (
    <AreaShell user={user} nav={[{ href: "/mypage", label: t("mypage") }]}>
      {children}
    </AreaShell>
  );
}
