import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { enterLocale } from "@/lib/i18n/page";
import { PageTitle } from "@/components/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { requireArea } from "@/lib/auth/permissions.server";
import { getOwnDealer } from "@/lib/dealers/profile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer"))("title") };
}

export default async function DealerHome({ params }: PageProps<"/[locale]/dealer">) {
  await enterLocale(params);
  const user = await requireArea("dealer");
  const dealer = await getOwnDealer(user);
  if (!dealer) notFound(); // a dealer account without a dealership sees nothing
  const t = await getTranslations();
  const notSet = <span className="text-slate-500">{t("common.notSet")}</span>;
  return (
    <>
      <PageTitle lead={t("dealer.welcome", { dealer: dealer.name, name: user.name ?? user.email })}>{t("dealer.title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("dealer.infoTitle")}>
          <DescriptionList
            items={[
              { term: t("dealer.code"), value: dealer.code },
              { term: t("dealer.name"), value: dealer.name },
              { term: t("dealer.prefecture"), value: dealer.prefecture ?? notSet },
              { term: t("dealer.phone"), value: dealer.phone ?? notSet },
              { term: t("dealer.staffCount"), value: dealer._count.staff },
            ]}
          />
        </Card>
        <Alert>{t("dealer.privacyNote")}</Alert>
      </div>
    </>
  );
}
