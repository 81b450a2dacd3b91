import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffInviteForm } from "@/components/dealer/staff-invite-form";
import { StaffList } from "@/components/dealer/staff-list";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { listDealerStaff } from "@/lib/dealers/staff";
import { enterLocale } from "@/lib/i18n/page";
import { requireDealerPage } from "@/lib/navigation/dealer-pages.server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dealer.staff"))("title") };
}

/** A dealer admin's own shop's people: invite (as dealer staff), disable, enable, resend. */
export default async function DealerStaffPage({ params }: PageProps<"/[locale]/dealer/staff">) {
  await enterLocale(params);
  const user = await requireDealerPage("/dealer/staff");
  const [people, t] = await Promise.all([listDealerStaff(user, user.dealerId), getTranslations("dealer.staff")]);
  if (!people) notFound();
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("inviteTitle")}>
          <StaffInviteForm dealerId={user.dealerId} />
        </Card>
        <Card title={t("listTitle")}>
          <StaffList people={people} selfId={user.id} />
        </Card>
      </div>
    </>
  );
}
