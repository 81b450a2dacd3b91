import { getTranslations } from "next-intl/server";
import { AreaShell } from "@/components/area-shell";
import { StepUpProvider } from "@/components/account/step-up";
import { homePathFor } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { reauthenticationMethods } from "@/lib/auth/step-up";

/** The signed-in user's own account, for every role (profile, sign-in security, sessions). */
export default async function AccountLayout({ children }: LayoutProps<"/[locale]/account">) {
  const user = await requireSignedIn();
  const [t, methods] = await Promise.all([getTranslations("nav"), reauthenticationMethods(user.id)]);
  return (
    <AreaShell
      user={user}
      nav={[
        { href: homePathFor(user.role), label: t("home") },
        { href: "/account", label: t("account") },
        { href: "/account/security", label: t("security") },
        { href: "/account/sessions", label: t("sessions") },
        { href: "/account/activity", label: t("activity") },
      ]}
    >
      <StepUpProvider methods={methods}>{children}</StepUpProvider>
    </AreaShell>
  );
}
