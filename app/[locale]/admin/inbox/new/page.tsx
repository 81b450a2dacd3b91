import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffStartForm } from "@/components/chat/staff-start-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { UserText } from "@/components/ui/user-text";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chat.inbox"))("startTitle") };
}

/** Staff start a conversation with a customer (opened from the customer panel, `?customer=`). */
export default async function StartConversationPage({ params, searchParams }: PageProps<"/[locale]/admin/inbox/new">) {
  await enterLocale(params);
  await requireStaffPage("/admin/inbox/new");
  const query = await searchParams;
  const customerId = typeof query.customer === "string" ? query.customer.slice(0, 40) : "";
  const customer = customerId
    ? await db.user.findFirst({ where: { id: customerId, role: "CUSTOMER", disabledAt: null }, select: { id: true, name: true } })
    : null;
  const t = await getTranslations("chat");
  if (customerId && !customer) notFound();
  if (!customer) {
    // Opened without a customer: where to start from.
    return (
      <>
        <PageTitle>{t("inbox.startTitle")}</PageTitle>
        <Card className="max-w-2xl">
          <p className="text-slate-700">{t("inbox.startWhere")}</p>
          <p className="mt-3">
            <Link href="/admin/inbox" className="text-brand-700 underline">
              {t("inbox.title")}
            </Link>
          </p>
        </Card>
      </>
    );
  }
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/inbox" className="text-brand-700 underline">
          ← {t("inbox.title")}
        </Link>
      </p>
      <PageTitle lead={<UserText>{customer.name || t("customer")}</UserText>}>{t("inbox.startTitle")}</PageTitle>
      <Card className="max-w-2xl">
        <p className="mb-4 text-sm text-slate-700">{t("inbox.startLead")}</p>
        <StaffStartForm customerId={customer.id} />
      </Card>
    </>
  );
}
