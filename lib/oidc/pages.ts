import "server-only";
import type { KoaContextWithOIDC } from "oidc-provider";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import { isLocale, type Locale } from "@/lib/i18n/routing";

/**
 * The few pages oidc-provider renders itself (outside Next): errors, the sign-out question of an
 * app's logout, and "signed out". Plain HTML in the customer's language, from the message catalog,
 * with no script. The form-action directive is left out on purpose: the logout form's answer is a
 * redirect to the app, which Chromium would check against it.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The language of a provider-rendered page: ui_locales, then the portal's locale cookie, then Japanese. */
export function localeOf(ctx: KoaContextWithOIDC): Locale {
  const wanted = String(ctx.oidc?.params?.ui_locales ?? "")
    .split(/\s+/)
    .map((tag) => tag.slice(0, 2))
    .find(isLocale);
  const cookie = ctx.cookies.get("NEXT_LOCALE", { signed: false });
  return wanted ?? (isLocale(cookie) ? cookie : "ja");
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function texts(ctx: KoaContextWithOIDC) {
  const locale = localeOf(ctx);
  return { locale, t: (locale === "en" ? en : ja).oidcPages };
}

function page(ctx: KoaContextWithOIDC, locale: string, title: string, body: string): void {
  ctx.set("Content-Security-Policy", CSP);
  ctx.set("Cache-Control", "no-store");
  ctx.type = "html";
  ctx.body = `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,"Noto Sans JP",sans-serif;background:#f8fafc;color:#0f172a;margin:0;padding:2rem 1rem}
main{max-width:28rem;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 .75rem}p{line-height:1.6}
button{font:inherit;border-radius:.5rem;padding:.6rem 1rem;margin:.25rem .5rem .25rem 0;border:1px solid #1d4ed8;cursor:pointer}
.primary{background:#1d4ed8;color:#fff}.secondary{background:#fff;color:#1d4ed8}
code{font-size:.85em;background:#f1f5f9;padding:.1rem .3rem;border-radius:.25rem}
</style></head>
<body><main>${body}</main></body></html>`;
}

export async function errorPage(ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }): Promise<void> {
  const { locale, t } = texts(ctx);
  page(
    ctx,
    locale,
    t.errorTitle,
    `<h1>${escape(t.errorTitle)}</h1><p>${escape(t.errorLead)}</p><p><code>${escape(out.error)}</code>${
      out.error_description ? ` ${escape(out.error_description)}` : ""
    }</p>`,
  );
}

export async function logoutPage(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const { locale, t } = texts(ctx);
  const app = ctx.oidc.client?.clientName;
  page(
    ctx,
    locale,
    t.logoutTitle,
    `${form}<h1>${escape(t.logoutTitle)}</h1><p>${escape(app ? t.logoutLeadApp.replace("{app}", app) : t.logoutLead)}</p>
<button class="primary" autofocus type="submit" form="op.logoutForm">${escape(t.logoutThisApp)}</button>
<button class="secondary" type="submit" form="op.logoutForm" value="yes" name="logout">${escape(t.logoutEverywhere)}</button>`,
  );
}

export async function loggedOutPage(ctx: KoaContextWithOIDC): Promise<void> {
  const { locale, t } = texts(ctx);
  page(ctx, locale, t.loggedOutTitle, `<h1>${escape(t.loggedOutTitle)}</h1><p>${escape(t.loggedOutLead)}</p>`);
}

/** Device flow (agents): the customer types the code the agent shows, or opens the agent's link with it filled in. */
export async function deviceInputPage(
  ctx: KoaContextWithOIDC,
  form: string,
  _out: unknown,
  error?: Error & { userCode?: string },
): Promise<void> {
  const { locale, t } = texts(ctx);
  const message = !error
    ? `<p>${escape(t.deviceLead)}</p>`
    : `<p role="alert" style="color:#b91c1c">${escape(error.userCode || error.name === "NoCodeError" ? t.deviceWrongCode : error.name === "AbortedError" ? t.deviceAborted : t.deviceError)}</p>`;
  // The provider's input has no label and an inline handler (which our policy blocks anyway).
  const labelled = form
    .replace(/\sonfocus="[^"]*"/, "")
    .replace(
      'name="user_code"',
      `name="user_code" id="user_code" aria-label="${escape(t.deviceCodeLabel)}" style="font-size:1.25rem;padding:.5rem;width:100%;box-sizing:border-box;text-transform:uppercase"`,
    );
  page(
    ctx,
    locale,
    t.deviceTitle,
    `<h1>${escape(t.deviceTitle)}</h1>${message}<label for="user_code" style="display:block;margin:.5rem 0 .25rem">${escape(t.deviceCodeLabel)}</label>${labelled}
<button class="primary" type="submit" form="op.deviceInputForm" style="margin-top:.75rem">${escape(t.deviceContinue)}</button>`,
  );
}

export async function deviceConfirmPage(
  ctx: KoaContextWithOIDC,
  form: string,
  client: { clientName?: string; clientId: string },
  _info: unknown,
  userCode: string,
): Promise<void> {
  const { locale, t } = texts(ctx);
  const app = client.clientName ?? client.clientId;
  page(
    ctx,
    locale,
    t.deviceConfirmTitle,
    `<h1>${escape(t.deviceConfirmTitle)}</h1><p>${escape(t.deviceConfirmLead.replace("{app}", app))}</p>
<p style="font-size:1.75rem;letter-spacing:.1em;text-align:center"><code>${escape(userCode)}</code></p><p>${escape(t.deviceConfirmWarning)}</p>${form}
<button class="primary" autofocus type="submit" form="op.deviceConfirmForm">${escape(t.deviceConfirm)}</button>
<button class="secondary" type="submit" form="op.deviceConfirmForm" value="yes" name="abort">${escape(t.deviceAbort)}</button>`,
  );
}

export async function deviceSuccessPage(ctx: KoaContextWithOIDC): Promise<void> {
  const { locale, t } = texts(ctx);
  const app = ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId ?? "";
  page(ctx, locale, t.deviceDoneTitle, `<h1>${escape(t.deviceDoneTitle)}</h1><p>${escape(t.deviceDoneLead.replace("{app}", app))}</p>`);
}
