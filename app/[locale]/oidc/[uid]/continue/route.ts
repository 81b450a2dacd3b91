import { declineInteraction, finishConsent, finishLogin, loadInteraction } from "@/lib/oidc/interaction";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { withDefaultCsp } from "@/lib/security/headers";

/**
 * The answers of the interaction page (issue 16): a GET finishes the login step (the page sends the
 * browser here once the portal session qualifies), a POST from the native consent form carries
 * the customer's decision. Both answer 303 into the provider, so the browser itself follows it
 * (decision 0014). The provider checks the interaction cookie; this checks the session again.
 */
type Context = { params: Promise<{ locale: string; uid: string }> };

function seeOther(location: string): Response {
  return withDefaultCsp(new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } }));
}

async function backToPage({ params }: Context): Promise<Response> {
  const { locale, uid } = await params;
  return seeOther(`/${isLocale(locale) ? locale : "ja"}/oidc/${encodeURIComponent(uid)}`);
}

export async function GET(_request: Request, context: Context): Promise<Response> {
  const { uid } = await context.params;
  const view = await loadInteraction(uid);
  if (!view || view.prompt !== "login" || view.login !== "ready") return backToPage(context);
  return seeOther(await finishLogin(uid));
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const { uid } = await context.params;
  const form = await request.formData().catch(() => null);
  const view = await loadInteraction(uid);
  if (!form || !view) return backToPage(context);
  if (form.get("decision") !== "allow") return onwards(await declineInteraction(uid), context);
  if (view.prompt !== "consent") return backToPage(context);
  const scopes = form.getAll("scope").filter((value): value is string => typeof value === "string");
  return onwards(await finishConsent(uid, { scopes, days: Number(form.get("days")) || undefined }), context);
}

/**
 * After the consent form: a page that moves on by itself. A 303 would make the provider's redirect
 * to the app part of the form's submission, which the pages' CSP `form-action 'self'` stops when
 * the app is on another origin; a navigation from a document of its own is not a submission.
 */
async function onwards(location: string, { params }: Context): Promise<Response> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "ja", namespace: "oidc" });
  const href = location.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const html = `<!DOCTYPE html><html lang="${isLocale(locale) ? locale : "ja"}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>${t("title")}</title></head><body><p><a href="${href}">${t("continueLink")}</a></p></body></html>`;
  return withDefaultCsp(
    new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } }),
  );
}
