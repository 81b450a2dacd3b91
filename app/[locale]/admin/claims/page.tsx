import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClaimDecision } from "@/components/admin/claim-decision";
import { ClaimFilters } from "@/components/admin/claim-filters";
import { PhotoViewer } from "@/components/admin/photo-viewer";
import { formatLocalDate } from "@/lib/i18n/format-local-date";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { UserText } from "@/components/ui/user-text";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { enterLocale } from "@/lib/i18n/page";
import { CLAIM_FILTERS, CLAIM_HISTORY_LIMIT, listClaimsForReview, type ClaimFilter } from "@/lib/products/claims";
import { isClaimRejectReason } from "@/lib/products/claim-reasons";
import { localDateOf } from "@/lib/warranty/local-date";
import { nameIn } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("claimsAdmin"))("title") };
}

const person = (user: { name: string | null; email: string }) => <UserText>{`${user.name ?? ""} <${user.email}>`}</UserText>;

export default async function ClaimsPage({ params, searchParams }: PageProps<"/[locale]/admin/claims">) {
  await enterLocale(params);
  const user = await requireStaffPage("/admin/claims");
  const query = await searchParams;
  const status: ClaimFilter = (CLAIM_FILTERS as readonly string[]).includes(String(query.status)) ? (query.status as ClaimFilter) : "open";
  const search = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const [claims, t, format, locale] = await Promise.all([
    listClaimsForReview(user, { status, search }),
    getTranslations("claimsAdmin"),
    getFormatter(),
    getLocale(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <ClaimFilters status={status} search={search} />
      {claims.length === 0 ? (
        <Card>
          <p className="text-slate-700">{status === "open" && !search ? t("empty") : t("emptyFiltered")}</p>
        </Card>
      ) : (
        <>
          {status !== "open" && claims.length >= CLAIM_HISTORY_LIMIT && (
            <p className="mb-3 text-sm text-slate-600">{t("historyLimit", { count: CLAIM_HISTORY_LIMIT })}</p>
          )}
          <ul className="space-y-4">
            {/* Dates are formatted on the server, so the list is built with await. */}
            {await Promise.all(
              claims.map(async (claim) => {
                const owner = claim.unit.ownerships[0];
                const reason = isClaimRejectReason(claim.decisionReason) ? t(`reasons.${claim.decisionReason}`) : null;
                return (
                  <li key={claim.id}>
                    <Card title={`${claim.unit.model.code} · ${claim.unit.serial} · ${t(`status.${claim.status}`)}`}>
                      <div className="grid gap-6 md:grid-cols-2">
                        <section>
                          <h3 className="mb-2 font-semibold">{t("claimant")}</h3>
                          <DescriptionList
                            items={[
                              { term: t("who"), value: person(claim.claimant) },
                              { term: t("filedAt"), value: when(claim.createdAt) },
                              { term: t("message"), value: <UserText className="whitespace-pre-line">{claim.message}</UserText> },
                              {
                                term: t("evidence"),
                                value: <PhotoViewer fileId={claim.evidenceFileId} label={`${t("claimant")}: ${t("evidence")}`} />,
                              },
                            ]}
                          />
                        </section>
                        {claim.status === "OPEN" ? (
                          <section>
                            <h3 className="mb-2 font-semibold">{t("currentOwner")}</h3>
                            {owner ? (
                              <DescriptionList
                                items={[
                                  { term: t("who"), value: person(owner.user) },
                                  { term: t("registeredAt"), value: format.dateTime(owner.registeredAt, { dateStyle: "medium" }) },
                                  {
                                    term: t("purchasedOn"),
                                    value: owner.purchasedOn ? await formatLocalDate(localDateOf(owner.purchasedOn)) : "—",
                                  },
                                  {
                                    term: t("evidence"),
                                    value: <PhotoViewer fileId={owner.proofFileId} label={`${t("currentOwner")}: ${t("evidence")}`} />,
                                  },
                                ]}
                              />
                            ) : (
                              <p className="text-sm text-slate-700">{t("noOwner")}</p>
                            )}
                          </section>
                        ) : (
                          <section>
                            <h3 className="mb-2 font-semibold">{t("decision")}</h3>
                            <DescriptionList
                              items={[
                                { term: t("decision"), value: t(`status.${claim.status}`) },
                                { term: t("decidedBy"), value: claim.decidedBy ? person(claim.decidedBy) : t("unknownStaff") },
                                { term: t("decidedAt"), value: claim.decidedAt ? when(claim.decidedAt) : "—" },
                                ...(reason ? [{ term: t("reasonShown"), value: reason }] : []),
                                {
                                  term: t("noteShown"),
                                  value: claim.decisionNote ? (
                                    <UserText className="whitespace-pre-line">{claim.decisionNote}</UserText>
                                  ) : (
                                    "—"
                                  ),
                                },
                              ]}
                            />
                          </section>
                        )}
                      </div>
                      <p className="mt-2 text-sm text-slate-600">{nameIn(locale, claim.unit.model)}</p>
                      {claim.status === "OPEN" && (
                        <div className="mt-4">
                          <ClaimDecision
                            claimId={claim.id}
                            reviewedOwnershipId={owner?.id ?? null}
                            serial={claim.unit.serial}
                            claimant={claim.claimant.email}
                            owner={owner?.user.email ?? null}
                          />
                        </div>
                      )}
                    </Card>
                  </li>
                );
              }),
            )}
          </ul>
        </>
      )}
    </>
  );
}
