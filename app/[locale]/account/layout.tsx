import { getTranslations } from "next-intl/server";
import { AreaNav } from "@/components/area-nav";
import { AreaShell } from "@/components/area-shell";
import { StepUpProvider } from "@/components/account/step-up";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { reauthenticationMethods } from "@/lib/auth/step-up";
import { navFor } from "@/lib/navigation/nav";

/** The signed-in user's own account, for every role (profile, sign-in security, sessions). */
export default async function AccountLayout({ children }: LayoutProps<"/[locale]/account">) {
  const user = await requireSignedIn();
  const [t, methods] = await Promise.all([getTranslations("nav"), reauthenticationMethods(user.id)]);
  const sections = navFor("account", user).map((entry) => ({ href: entry.href, label: t(entry.labelKey) }));
  return (
    <AreaShell sections={<AreaNav label={t("accountSections")} links={sections} variant="secondary" />}>
      <StepUpProvider methods={methods}>{children}</StepUpProvider>
    </AreaShell>
  );
}
