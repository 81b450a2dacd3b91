import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AdjustmentForm } from "@/components/admin/points/adjustment-form";
import { ReleaseNowButton, ReverseButton } from "@/components/admin/points/points-buttons";
import { PageTitle } from "@/components/page-title";
import { PointsHistoryTable } from "@/components/points/points-history";
import { Card } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table-scroll";
import { UserText } from "@/components/ui/user-text";
import { can } from "@/lib/auth/permissions";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listAdjustmentsOf } from "@/lib/points/adjustments";
import { customerPoints } from "@/lib/points/staff";
import { readProgramSettings } from "@/lib/points/velocity";
import { pointsHistory } from "@/lib/points/wallet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pointsAdmin"))("customerTitle") };
}

/** One customer's points for staff: wallets, lots (release now), history, adjustments. The view is audited. */
export default async function CustomerPointsPage({ params }: PageProps<"/[locale]/admin/points/customers/[id]">) {
  const { id } = await params;
  await enterLocale(params);
  const user = await requireStaffPage("/admin/points/customers/[id]");
  const view = await customerPoints(user, id.slice(0, 40));
  if (!view) notFound();
  const [history, adjustments, settings, t, tp, format, locale] = await Promise.all([
    pointsHistory(view.customer.id),
    listAdjustmentsOf(view.customer.id),
    readProgramSettings(),
    getTranslations("pointsAdmin"),
    getTranslations("points"),
    getFormatter(),
    getLocale(),
  ]);
  const mayReverse = can(user, "points.approve");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const now = new Date();
  const lotState = (lot: (typeof view.lots)[number]) => {
    if (lot.clawedBackAt) return t("lotState.clawedBack");
    if (lot.remaining === 0) return t("lotState.used");
    if (lot.expiresAt <= now) return t("lotState.expired");
    if (lot.heldAt) return t("lotState.held");
    if (!lot.releasedAt) return t("lotState.pending", { date: date(lot.availableFrom) });
    return t("lotState.available");
  };
  return (
    <>
      <PageTitle lead={view.customer.email}>
        <UserText>{view.customer.name ?? view.customer.email}</UserText>
      </PageTitle>
      <div className="grid min-w-0 gap-6 lg:grid-cols-2">
        <Card title={t("walletsTitle")}>
          <dl className="space-y-1 text-sm">
            {(
              [
                ["available", view.summary.available],
                ["pending", view.summary.pending],
                ["held", view.summary.held],
                ["debt", view.summary.debt],
                ["earned12m", view.summary.tier.earned12m],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex justify-between gap-2">
                <dt>{t(`wallet.${key}`)}</dt>
                <dd className="font-semibold tabular-nums" data-testid={`wallet-${key}`}>
                  {tp("pointsValue", { points: value })}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("adjustTitle")}>
          <AdjustmentForm customerId={view.customer.id} threshold={settings.approvalThreshold} />
        </Card>
      </div>
      <section aria-labelledby="lots" className="mt-8">
        <h2 id="lots" className="mb-3 text-lg font-semibold">
          {t("lotsTitle")}
        </h2>
        <TableScroll label={t("lotsTitle")}>
          <table className="w-full min-w-[44rem] text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("lot.awarded")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("lot.source")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("lot.points")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("lot.remaining")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("lot.expires")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("lot.state")}
                </th>
                <th scope="col" className="relative py-2">
                  <span className="sr-only">{t("lot.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.lots.map((lot) => (
                <tr key={lot.id} className="border-b border-slate-100 align-top" data-testid="points-lot">
                  <td className="py-2 pr-3 whitespace-nowrap">{date(lot.awardedAt)}</td>
                  <td className="py-2 pr-3">
                    {lot.awardEntry.ruleVersion
                      ? `${locale === "en" ? lot.awardEntry.ruleVersion.nameEn : lot.awardEntry.ruleVersion.nameJa} (v${lot.awardEntry.ruleVersion.version})`
                      : tp(`kind.${lot.awardEntry.kind}`)}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(lot.points)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format.number(lot.remaining)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{date(new Date(lot.expiresAt.getTime() - 1))}</td>
                  <td className="py-2 pr-3">{lotState(lot)}</td>
                  <td className="py-2">
                    {!lot.releasedAt && !lot.clawedBackAt && lot.remaining > 0 && lot.expiresAt > now && (
                      <ReleaseNowButton lotId={lot.id} points={lot.remaining} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="adjustments" className="mt-8">
        <h2 id="adjustments" className="mb-3 text-lg font-semibold">
          {t("adjustmentsTitle")}
        </h2>
        {adjustments.length === 0 ? (
          <p className="text-slate-700">{t("adjustmentsNone")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {adjustments.map((a) => (
              <li key={a.id} className="rounded-md border border-slate-200 p-3">
                <p className="font-semibold">
                  {t("adjustmentLine", { points: a.points })} · {t(`adjustmentStatus.${a.status}`)}
                </p>
                <p className="text-slate-700">
                  {t("proposedBy", {
                    name: a.proposedBy.name ?? a.proposedBy.email,
                    date: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                  })}
                  {a.decidedBy && ` · ${t("decidedBy", { name: a.decidedBy.name ?? a.decidedBy.email })}`}
                </p>
                <p className="whitespace-pre-line [unicode-bidi:isolate]">{a.reason}</p>
                {a.decisionNote && <p className="text-slate-700">{t("decisionNoteShown", { note: a.decisionNote })}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="staff-history" className="mt-8">
        <h2 id="staff-history" className="mb-3 text-lg font-semibold">
          {tp("history.title")}
        </h2>
        <PointsHistoryTable
          rows={history.rows}
          viewer="staff"
          actions={(row) =>
            mayReverse && !row.reversed && (row.kind === "REDEMPTION" || (row.kind === "ADJUSTMENT" && row.points < 0)) ? (
              <ReverseButton entryId={row.id} />
            ) : row.reversed ? (
              t("reversedShown")
            ) : null
          }
        />
      </section>
    </>
  );
}
