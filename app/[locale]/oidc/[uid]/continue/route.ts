import { declineInteraction, finishConsent, finishLogin, loadInteraction } from "@/lib/oidc/interaction";
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
  if (form.get("decision") !== "allow") return seeOther(await declineInteraction(uid));
  if (view.prompt !== "consent") return backToPage(context);
  const scopes = form.getAll("scope").filter((value): value is string => typeof value === "string");
  return seeOther(await finishConsent(uid, { scopes, days: Number(form.get("days")) || undefined }));
}
