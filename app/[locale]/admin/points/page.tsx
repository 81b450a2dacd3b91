import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PointsAdminNav } from "@/components/admin/points/points-admin-nav";
import { AdjustmentDecision, FlagDecision } from "@/components/admin/points/points-buttons";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { UserText } from "@/components/ui/user-text";
import { can } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { pointsDesk } from "@/lib/points/staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("title") };
}

/** Points for staff (issue 12): find a customer, decide adjustments that wait for a second pair of eyes, review held awards. */
export default async function PointsAdminPage({ params, searchParams }: PageProps<"/[locale]/admin/points">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin/points");
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const [{ customers, awaiting, flags }, t, format] = await Promise.all([
    pointsDesk(user, q),
    getTranslations("pointsAdmin"),
    getFormatter(),
  ]);
  const mayApprove = can(user, "points.approve");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <PointsAdminNav current="/admin/points" />
      <div className="grid min-w-0 gap-6">
        <Card title={t("findTitle")}>
          <form method="get" className="flex flex-wrap items-end gap-2" role="search">
            <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-semibold">
              {t("findLabel")}
              <input name="q" defaultValue={q} minLength={2} className="min-h-11 rounded-md border border-slate-400 px-3 font-normal" />
            </label>
            <Button type="submit">{t("find")}</Button>
          </form>
          {q.length >= 2 &&
            (customers.length === 0 ? (
              <p className="mt-3 text-slate-700">{t("noMatch")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-200">
                {customers.map((c) => (
                  <li key={c.id} className="py-2">
                    <Link href={`/admin/points/customers/${c.id}`} className="font-semibold text-brand-700 underline">
                      <UserText>{c.name ?? c.email}</UserText>
                    </Link>{" "}
                    <span className="text-sm break-all text-slate-600">{c.email}</span>
                  </li>
                ))}
              </ul>
            ))}
        </Card>
        <Card title={t("awaitingTitle")}>
          {awaiting.length === 0 ? (
            <p className="text-slate-700">{t("awaitingNone")}</p>
          ) : (
            <ul className="space-y-4">
              {awaiting.map((a) => (
                <li key={a.id} className="rounded-md border border-slate-200 p-3" data-testid="adjustment-awaiting">
                  <p className="font-semibold">
                    {t("adjustmentLine", { points: a.points })} ·{" "}
                    <Link href={`/admin/points/customers/${a.user.id}`} className="text-brand-700 underline">
                      <UserText>{a.user.name ?? a.user.email}</UserText>
                    </Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {t("proposedBy", {
                      name: a.proposedBy.name ?? a.proposedBy.email,
                      date: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </p>
                  <p className="mt-1 text-sm whitespace-pre-line [unicode-bidi:isolate]">{a.reason}</p>
                  <div className="mt-2">
                    {a.proposedById === user.id ? (
                      <p className="text-sm text-slate-600">{t("ownProposal")}</p>
                    ) : mayApprove ? (
                      <AdjustmentDecision adjustmentId={a.id} label={t("adjustmentLine", { points: a.points })} />
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("flagsTitle")}>
          {flags.length === 0 ? (
            <p className="text-slate-700">{t("flagsNone")}</p>
          ) : (
            <ul className="space-y-4">
              {flags.map((f) => (
                <li key={f.id} className="rounded-md border border-slate-200 p-3">
                  <p className="font-semibold">
                    {t(`flagReason.${f.reason === "serial_loop" ? "serial_loop" : "address_velocity"}`)} ·{" "}
                    {t("flagPoints", { points: f.lot.remaining })}
                  </p>
                  <p className="text-sm text-slate-700">
                    {format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                    <Link href={`/admin/points/customers/${f.userId}`} className="text-brand-700 underline">
                      {t("openCustomer")}
                    </Link>
                  </p>
                  <div className="mt-2">
                    <FlagDecision flagId={f.id} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
