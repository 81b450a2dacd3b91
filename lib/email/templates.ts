import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Transactional emails, HTML + plain text, in the recipient's language. Every string comes from
 * the message catalog (namespace `email`); values are escaped for the HTML part.
 */
export type EmailTemplate =
  | { name: "verifyEmail"; url: string }
  | { name: "magicLink"; url: string }
  | { name: "passwordReset"; url: string }
  | { name: "accountExists"; url: string }
  | { name: "passwordChanged" }
  | { name: "secondFactorChanged"; change: "enabled" | "disabled" | "recoveryCodes" | "passkeyAdded" | "passkeyRemoved" }
  | { name: "emailChange"; url: string; newEmail: string }
  | { name: "emailChanged"; newEmail: string }
  | { name: "emailChangeTaken"; url: string }
  | {
      name: "unprovenCredentialsRemoved";
      passkeys: string;
      secondFactor: "yes" | "no";
      providers: string;
      sessions: string;
      password: "yes" | "no";
      url: string;
    }
  | { name: "transferCompleted"; product: string; serial: string; url: string }
  | { name: "recallNotice"; title: string; url: string }
  | {
      name: "claimDecided";
      serial: string;
      url: string;
      result: "approved" | "rejected";
      /** A code of lib/products/claim-reasons.ts, or "none" for an approval. */
      reason: string;
      /** Staff's message to the customer ("" for none; `hasNote` selects the sentence around it). */
      note: string;
      hasNote: "yes" | "no";
    }
  | { name: "ownershipMoved"; serial: string; url: string }
  /** A repair request's step the customer acts on or waits for; `status` selects the sentence. */
  | { name: "repairUpdate"; number: string; status: string; url: string }
  /** To a customer: support's chat replies they have not read; the last one's text (plain, escaped). */
  | { name: "chatUnread"; subject: string; count: string; excerpt: string; hasText: "yes" | "no"; url: string }
  /** To desk staff: a ticket's SLA clock is about to run out or has run out. */
  | { name: "slaAlert"; number: string; clock: "firstResponse" | "resolution"; level: "warning" | "breach"; url: string }
  /** To a customer: points that expire within 30 days (issue 12). */
  | { name: "pointsExpiring"; points: string; date: string; url: string }
  /** To admins: the nightly points reconciliation found differences. */
  | { name: "pointsReconciliation"; count: string; url: string }
  /** To a staff member: an adjustment waits for their approval, or theirs was decided. */
  | { name: "pointsAdjustment"; event: "proposed" | "approved" | "rejected"; points: string; customer: string; url: string }
  /** To a new dealer staff member: the account made for them; the link sets its password (issue 13). */
  | { name: "accountInvitation"; dealer: string; url: string }
  /** To a buyer, with their agreement at the till: register the product they bought, pre-filled. */
  | { name: "registrationInvitation"; dealer: string; product: string; url: string }
  /** To an owner: a message from the dealer that sold their product (recall follow-up); plain text, escaped. */
  | { name: "dealerMessage"; dealer: string; message: string; url: string }
  /** To a customer: their data export is ready to download (issue 14). */
  | { name: "dataExportReady"; days: string; url: string }
  /** To a customer whose account was deleted: what is kept without their identity, and until when. */
  | { name: "accountErased"; repairs: string; warranty: string; points: string; consents: string };

export type RenderedEmail = { subject: string; text: string; html: string };

const CATALOGS = { ja, en } as const;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderEmail(template: EmailTemplate, locale: Locale): RenderedEmail {
  // Keys are built from the template name, which TypeScript cannot follow into the catalog type;
  // the i18n test checks that every template has its messages in both languages.
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "email" }) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  const { name, ...values } = template;
  const vars = values as Record<string, string>;
  const key = name;
  const subject = t(`${key}.subject`, vars);
  const body = t(`${key}.body`, vars);
  const url = "url" in template ? template.url : null;
  const action = url ? t(`${key}.action`) : null;
  const footer = t("footer");

  const text = [body, url ? `${action}:\n${url}` : null, "--", footer].filter(Boolean).join("\n\n");
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;line-height:1.6;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">
<p>${escapeHtml(body).replace(/\n/g, "<br>")}</p>
${
  url
    ? `<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action!)}</a></p>
<p style="font-size:13px;color:#4b5563">${escapeHtml(url)}</p>`
    : ""
}
<hr style="border:none;border-top:1px solid #e5e7eb"><p style="font-size:12px;color:#6b7280">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
