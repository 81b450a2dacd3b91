import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { TicketList } from "@/components/repairs/ticket-list";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { listOwnTickets } from "@/lib/repairs/requests";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("repairs"))("listTitle") };
}

export default async function RepairsPage({ params }: PageProps<"/[locale]/mypage/repairs">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const [{ open, past }, t] = await Promise.all([listOwnTickets(user.id), getTranslations("repairs")]);
  return (
    <>
      <PageTitle lead={t("listLead")}>{t("listTitle")}</PageTitle>
      <div className="mb-6">
        <Button asChild>
          <Link href="/mypage/repairs/new">{t("requestRepair")}</Link>
        </Button>
      </div>
      {open.length === 0 && past.length === 0 ? (
        <Card className="max-w-2xl">
          <p className="text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="repairs-open" className="min-w-0">
            <h2 id="repairs-open" className="mb-3 text-lg font-semibold">
              {t("openTitle")}
            </h2>
            {open.length > 0 ? <TicketList tickets={open} /> : <p className="text-slate-700">{t("noOpen")}</p>}
          </section>
          {past.length > 0 && (
            <section aria-labelledby="repairs-past" className="min-w-0">
              <h2 id="repairs-past" className="mb-3 text-lg font-semibold">
                {t("pastTitle")}
              </h2>
              <TicketList tickets={past} />
            </section>
          )}
        </div>
      )}
    </>
  );
}
