import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isLocale, routing } from "@/lib/i18n/routing";
import { logger } from "@/lib/log";
import { emailAllowedTo } from "@/lib/notifications/choices";
import { kindOfTemplate } from "@/lib/notifications/kinds";
import { ERASED_EMAIL_DOMAIN } from "@/lib/privacy/erased-address";
import { renderEmail, type EmailTemplate } from "./templates";

/**
 * One way to send email, called by the email job (lib/jobs/email.ts; senders use `enqueueEmail`).
 * With SMTP_URL set, nodemailer sends it; without, it is stored in the
 * database outbox and shown at /dev/outbox (development and demo only), so sign-up works with
 * zero set-up.
 */
let transporter: Transporter | undefined;

function smtp(): Transporter {
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  return transporter;
}

export function emailDelivery(): "smtp" | "outbox" {
  return env.SMTP_URL ? "smtp" : "outbox";
}

export async function sendEmail(input: { to: string; locale: string; template: EmailTemplate }): Promise<void> {
  // An erased account's made-up address (lib/privacy/erasure.ts) receives nothing.
  if (input.to.endsWith(`@${ERASED_EMAIL_DOMAIN}`)) return;
  // The customer's notification choices apply to every email of a kind, wherever it was queued (issue 14).
  const kind = kindOfTemplate(input.template.name);
  if (kind && !(await emailAllowedTo(input.to, kind))) {
    logger.info({ template: input.template.name, kind }, "email not sent: the recipient turned this kind off");
    return;
  }
  const locale = isLocale(input.locale) ? input.locale : routing.defaultLocale;
  await deliverEmail({ to: input.to, template: input.template.name, message: renderEmail(input.template, locale) });
}

/**
 * Hand a rendered email to SMTP, or to the outbox without it. Callers decide whether it may go
 * (sendEmail: templates and choices; campaigns: consent and choices at send time).
 */
export async function deliverEmail(input: {
  to: string;
  template: string;
  message: { subject: string; text: string; html: string };
  headers?: Record<string, string>;
}): Promise<void> {
  if (input.to.endsWith(`@${ERASED_EMAIL_DOMAIN}`)) return;
  const { message } = input;
  if (env.SMTP_URL) {
    await smtp().sendMail({
      from: env.MAIL_FROM,
      to: input.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: input.headers,
    });
  } else {
    await db.outboxEmail.create({ data: { to: input.to, template: input.template, ...message } });
  }
  logger.info({ template: input.template, delivery: emailDelivery() }, "email sent");
}

/** A link into the portal for an email, in the recipient's language. */
export function portalUrl(locale: string, pathname: string, query: Record<string, string> = {}): string {
  const url = new URL(`/${isLocale(locale) ? locale : routing.defaultLocale}${pathname}`, env.AUTH_URL);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}
