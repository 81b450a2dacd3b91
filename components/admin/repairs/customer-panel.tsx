import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { UserText } from "@/components/ui/user-text";
import { formatLocalDate } from "@/lib/i18n/format-local-date";
import { inLocale, nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { CustomerPanel as Panel } from "@/lib/repairs/staff-view";

const WARRANTY_STYLE = {
  COVERED: "border-green-300 bg-green-50 text-green-900",
  EXPIRING_SOON: "border-amber-400 bg-amber-50 text-amber-900",
  EXPIRED: "border-slate-300 bg-slate-100 text-slate-800",
} as const;

/** The customer beside their ticket (issue 10): contact, products and warranties, other tickets, recall notices. */
export async function CustomerPanel({ panel }: { panel: Panel }) {
  const [t, label, tw, chat, format, locale, user, points] = await Promise.all([
    getTranslations("repairs.desk"),
    getTranslations("repairs.staffLabels"),
    getTranslations("warranty"),
    getTranslations("chat.inbox"),
    getFormatter(),
    getLocale(),
    getCurrentUser(),
    getTranslations("pointsAdmin"),
  ]);
  const { customer } = panel;
  const tickets = [...panel.openTickets, ...panel.pastTickets];
  return (
    <Card title={t("panel.title")}>
      <div className="space-y-5">
        {customer.erasedAt && <Alert tone="info">{t("panel.erased")}</Alert>}
        <p>
          <Link href={{ pathname: "/admin/inbox/new", query: { customer: customer.id } }} className="text-sm text-brand-700 underline">
            {chat("startWithCustomer")}
          </Link>
          {can(user, "points.customers") && (
            <>
              {" · "}
              <Link href={`/admin/points/customers/${customer.id}`} className="text-sm text-brand-700 underline">
                {points("openCustomer")}
              </Link>
            </>
          )}
        </p>
        {/* Stacked, not side by side: the panel is a narrow column on a desktop, and emails are long. */}
        <dl className="space-y-2">
          {[
            { term: t("panel.name"), value: <UserText>{customer.name || "—"}</UserText> },
            { term: t("panel.email"), value: customer.erasedAt ? "—" : customer.email },
            { term: t("panel.phone"), value: panel.contact?.phone || customer.phone || "—" },
            { term: t("panel.language"), value: t(`panel.languages.${customer.locale === "en" ? "en" : "ja"}`) },
            ...(panel.contact ? [{ term: t("panel.contact"), value: label(`contactPreference.${panel.contact.preference}`) }] : []),
          ].map((item) => (
            <div key={item.term}>
              <dt className="text-sm font-medium text-slate-600">{item.term}</dt>
              <dd className="text-slate-900 [overflow-wrap:anywhere]">{item.value}</dd>
            </div>
          ))}
        </dl>
        <section>
          <h3 className="mb-2 font-semibold">{t("panel.products")}</h3>
          {panel.products.length === 0 ? (
            <p className="text-sm text-slate-700">{t("panel.noProducts")}</p>
          ) : (
            <ul className="space-y-2">
              {await Promise.all(
                panel.products.map(async (product) => (
                  <li key={product.ownershipId} className="rounded-md border border-slate-200 px-3 py-2" data-testid="panel-product">
                    <p className="font-medium">{nameIn(locale, product.model)}</p>
                    <p className="text-sm text-slate-700">
                      <span className="break-all font-mono">{product.serial}</span>
                    </p>
                    <p className={`mt-1 inline-block rounded border px-2 py-0.5 text-sm ${WARRANTY_STYLE[product.warranty.status]}`}>
                      {tw(`status.${product.warranty.status}`)}:{" "}
                      {t(product.warranty.status === "EXPIRED" ? "panel.endedOn" : "panel.coveredUntil", {
                        date: await formatLocalDate(product.warranty.coveredUntil),
                      })}
                    </p>
                  </li>
                )),
              )}
            </ul>
          )}
        </section>
        <section>
          <h3 className="mb-2 font-semibold">{t("panel.tickets")}</h3>
          {tickets.length === 0 ? (
            <p className="text-sm text-slate-700">{t("panel.noTickets")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {tickets.map((other) => (
                <li key={other.id}>
                  <Link href={`/admin/repairs/${other.id}`} className="font-mono text-brand-700 underline">
                    {other.number}
                  </Link>{" "}
                  · {label(`status.${other.status}`)} · {nameIn(locale, other.unit.model)} ·{" "}
                  {format.dateTime(other.createdAt, { dateStyle: "medium" })}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h3 className="mb-2 font-semibold">{t("panel.recalls")}</h3>
          {panel.recalls.length === 0 ? (
            <p className="text-sm text-slate-700">{t("panel.noRecalls")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {panel.recalls.map((notice) => (
                <li key={notice.id}>
                  <span className="font-mono">{notice.code}</span> {inLocale(locale, notice.title)} ·{" "}
                  <span className="break-all font-mono">{notice.serial}</span> ·{" "}
                  {notice.completedAt ? t("panel.recallDone") : notice.acknowledgedAt ? t("panel.recallRead") : t("panel.recallUnread")}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Card>
  );
}
