import { getLocale } from "next-intl/server";
import { hasPolicyQuestions } from "@/lib/consents/current";
import { redirect } from "@/lib/i18n/navigation";
import { AreaShell } from "@/components/area-shell";
import { ClientMessages } from "@/components/client-messages";
import { requireArea } from "@/lib/auth/permissions.server";

export default async function MyPageLayout({ children }: LayoutProps<"/[locale]/mypage">) {
  const user = await requireArea("mypage");
  // Customers who have not accepted the current terms (new through a sign-in provider, or after a
  // change of the terms), or whose agreement to a purpose needs renewing, are asked first.
  if (await hasPolicyQuestions(user.id)) {
    redirect({ href: "/account/terms", locale: await getLocale() });
  }
  return (
    <ClientMessages scope="mypage">
      <AreaShell>{children}</AreaShell>
    </ClientMessages>
  );
}
