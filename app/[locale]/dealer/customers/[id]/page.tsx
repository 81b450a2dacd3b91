import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ContactSummary } from "@/components/dealer/contact";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { dealerCustomer } from "@/lib/dealers/customers";
import { inLocale, nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.customer"))("title") };
}

/** One customer of the dealer's sales: contact (masked unless allowed), the units it sold them, repairs, recalls. */
export default async function DealerCustomerPage({ params }: PageProps<"/[locale]/dealer/customers/[id]">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/customers/[id]");
  const customer = await dealerCustomer(user, (await params).id.slice(0, 40));
  if (!customer) notFound();
  const [t, ts, format, locale] = await Promise.all([
    getTranslations("dealer.customer"),
    getTranslations("repairs.staffLabels"),
    getFormatter(),
    getLocale(),
  ]);
  const { contact } = customer;
  const date = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dealer/customers" className="text-brand-700 underline">
          ← {t("back")}
        </Link>
      </p>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("contactTitle")}>
          <DescriptionList
            items={[
              { term: t("name"), value: <ContactSummary contact={contact} compact /> },
              { term: t("email"), value: <span className="break-all">{contact.email}</span> },
              { term: t("phone"), value: contact.phone ?? "—" },
              { term: t("prefecture"), value: contact.prefecture ?? "—" },
            ]}
          />
          <p className="mt-3 text-sm text-slate-600">{contact.revealed ? t("revealedNote") : t("maskedNote")}</p>
        </Card>
        <Card title={t("productsTitle")}>
          <ul className="divide-y divide-slate-100">
            {customer.units.map((unit) => (
              <li key={unit.ownershipId} className="py-2">
                <p className="font-medium">
                  {nameIn(locale, unit.model)} · {unit.model.code}
                </p>
                <p className="font-mono text-sm break-all text-slate-700">{unit.serial}</p>
                <p className="text-sm text-slate-700">
                  {unit.sale ? t("soldOn", { date: date(unit.sale.soldOn) }) : t("namedAtRegistration")}
                  {" · "}
                  {t("registeredAt", { date: format.dateTime(unit.registeredAt, { dateStyle: "long" }) })}
                </p>
                {unit.sale?.soldTwice && <p className="text-sm text-red-800">{t("soldTwice")}</p>}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("repairsTitle")}>
          {customer.tickets.length === 0 ? (
            <p className="text-slate-700">{t("noRepairs")}</p>
          ) : (
            <ul className="space-y-1">
              {customer.tickets.map((ticket) => (
                <li key={ticket.id}>
                  <Link href={`/dealer/repairs/${ticket.id}`} className="font-mono text-brand-700 underline">
                    {ticket.number}
                  </Link>{" "}
                  · {ts(`status.${ticket.status}`)}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("recallsTitle")}>
          {customer.notices.length === 0 ? (
            <p className="text-slate-700">{t("noRecalls")}</p>
          ) : (
            <ul className="space-y-1">
              {customer.notices.map((notice) => (
                <li key={notice.id}>
                  {notice.campaign.code} · {inLocale(locale, { ja: notice.campaign.titleJa, en: notice.campaign.titleEn })} ·{" "}
                  <span className="font-mono text-sm">{notice.unit.serial}</span> ·{" "}
                  {notice.completedAt ? t("recallDone") : notice.acknowledgedAt ? t("recallRead") : t("recallUnread")}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
