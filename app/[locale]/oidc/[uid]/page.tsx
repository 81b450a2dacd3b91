import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StepUpProvider } from "@/components/account/step-up";
import { AuthPage } from "@/components/auth/auth-page";
import { ConfirmIdentity } from "@/components/oidc/confirm-identity";
import { ContinueToApp } from "@/components/oidc/continue-to-app";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { reauthenticationMethods } from "@/lib/auth/step-up";
import { redirect } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { loadInteraction } from "@/lib/oidc/interaction";
import { AGENT_GRANT_DAYS, scopeMessageKey } from "@/lib/oidc/scopes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oidc"))("title"), robots: { index: false } };
}

/**
 * Signing in to another site or app of the brand through the portal (issue 16): the provider sends
 * the browser here for the login and consent steps. Our sign-in (with its second factor and
 * passkeys) is the login; the consent screen lists what the app asks for. Answers go to the
 * continue route by full navigation (decision 0014).
 */
export default async function OidcInteractionPage({ params }: PageProps<"/[locale]/oidc/[uid]">) {
  const locale = await enterLocale(params);
  const { uid } = await params;
  const t = await getTranslations("oidc");
  const view = /^[\w-]{1,64}$/.test(uid) ? await loadInteraction(uid) : null;
  if (!view) {
    return (
      <AuthPage title={t("expiredTitle")}>
        <Alert>{t("expired")}</Alert>
      </AuthPage>
    );
  }
  const continueUrl = `/${locale}/oidc/${uid}/continue`;
  const app = view.client.name;

  if (view.prompt === "login") {
    if (view.login === "signIn") redirect({ href: { pathname: "/signin", query: { callbackUrl: `/${locale}/oidc/${uid}` } }, locale });
    if (view.login === "notCustomer") {
      return (
        <AuthPage title={t("title")}>
          <Alert tone="error">{t("notCustomer", { app })}</Alert>
          <DenyForm action={continueUrl} label={t("backToApp")} />
        </AuthPage>
      );
    }
    if (view.login === "confirm" || view.login === "secondFactor") {
      const user = (await getCurrentUser())!;
      const methods = await reauthenticationMethods(user.id);
      const secondFactor = view.login === "secondFactor";
      return (
        <AuthPage title={t("confirmTitle")} lead={secondFactor ? t("secondFactorLead", { app }) : t("confirmLead", { app })}>
          <StepUpProvider methods={secondFactor ? { ...methods, password: false } : methods}>
            <ConfirmIdentity uid={uid} href={continueUrl} secondFactor={secondFactor} />
          </StepUpProvider>
          <DenyForm action={continueUrl} label={t("cancel")} />
        </AuthPage>
      );
    }
    return (
      <AuthPage title={t("title")}>
        <ContinueToApp href={continueUrl} app={app} />
      </AuthPage>
    );
  }

  const agent = view.client.kind === "AGENT";
  return (
    <AuthPage title={agent ? t("agentTitle", { app }) : t("consentTitle", { app })} lead={agent ? t("agentLead") : t("consentLead")}>
      {/* A native form: its answer is a 303 into the provider, which must be a full navigation. */}
      <form method="post" action={continueUrl} className="space-y-5">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("scopesLegend")}</legend>
          <ul className="space-y-2">
            {view.scopes
              .filter((scope) => scope !== "openid")
              .map((scope) => (
                <li key={scope} className="rounded-md border border-slate-200 p-3">
                  <label className="flex items-start gap-3">
                    <input
                      type="checkbox"
                      name="scope"
                      value={scope}
                      defaultChecked
                      // Only an agent's customer picks scopes one by one; other apps get all or nothing.
                      disabled={!agent}
                      className="mt-1 size-4"
                    />
                    <span>
                      <span className="font-medium">{t(`scopes.${scopeMessageKey(scope)}.name`)}</span>
                      {view.newScopes.includes(scope) && !agent && <span className="ml-2 text-xs text-amber-800">{t("newScope")}</span>}
                      <span className="block text-sm text-slate-700">{t(`scopes.${scopeMessageKey(scope)}.description`)}</span>
                    </span>
                  </label>
                  {!agent && <input type="hidden" name="scope" value={scope} />}
                </li>
              ))}
          </ul>
        </fieldset>
        {agent && (
          <div>
            <label htmlFor="days" className="block text-sm font-medium text-slate-800">
              {t("daysLabel")}
            </label>
            <select id="days" name="days" defaultValue="7" className="mt-1 rounded-md border border-slate-300 px-3 py-2">
              {AGENT_GRANT_DAYS.map((days) => (
                <option key={days} value={days}>
                  {t("days", { days })}
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="text-sm text-slate-700">{t("revokeHint")}</p>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="decision" value="allow">
            {t("allow")}
          </Button>
          <Button type="submit" name="decision" value="deny" variant="secondary">
            {t("deny")}
          </Button>
        </div>
      </form>
    </AuthPage>
  );
}

function DenyForm({ action, label }: { action: string; label: string }) {
  return (
    <form method="post" action={action}>
      <button type="submit" name="decision" value="deny" className="text-brand-700 underline">
        {label}
      </button>
    </form>
  );
}
