import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClaimDecision } from "@/components/admin/claim-decision";
import { formatLocalDate } from "@/lib/i18n/format-local-date";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { UserText } from "@/components/ui/user-text";
import { requireArea, requirePagePermission } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { listOpenClaims } from "@/lib/products/claims";
import { localDateOf } from "@/lib/warranty/local-date";
import { nameIn } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("claimsAdmin"))("title") };
}

function Photo({ fileId, alt }: { fileId: string | null; alt: string }) {
  if (!fileId) return <span className="text-slate-500">—</span>;
  return (
    <a href={`/api/files/${fileId}`} target="_blank" rel="noreferrer" className="inline-block">
      {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
      <img src={`/api/files/${fileId}?variant=thumb`} alt={alt} className="h-24 w-24 rounded object-cover" />
    </a>
  );
}

export default async function ClaimsPage({ params }: PageProps<"/[locale]/admin/claims">) {
  await enterLocale(params);
  const user = await requireArea("staff");
  await requirePagePermission(user, "claims.review");
  const [claims, t, format, locale] = await Promise.all([listOpenClaims(user.id), getTranslations("claimsAdmin"), getFormatter(), getLocale()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {claims.length === 0 ? (
        <Card><p className="text-slate-700">{t("empty")}</p></Card>
      ) : (
        <ul className="space-y-4">
          {/* Dates are formatted on the server, so the list is built with await. */}
          {await Promise.all(claims.map(async (claim) => {
            const owner = claim.unit.ownerships[0];
            return (
              <li key={claim.id}>
                <Card title={`${claim.unit.model.code} · ${claim.unit.serial}`}>
                  <div className="grid gap-6 md:grid-cols-2">
                    <section>
                      <h3 className="mb-2 font-semibold">{t("claimant")}</h3>
                      <DescriptionList
                        items={[
                          { term: t("who"), value: <UserText>{`${claim.claimant.name ?? ""} <${claim.claimant.email}>`}</UserText> },
                          { term: t("filedAt"), value: format.dateTime(claim.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
                          { term: t("message"), value: <UserText className="whitespace-pre-line">{claim.message}</UserText> },
                          { term: t("evidence"), value: <Photo fileId={claim.evidenceFileId} alt={t("evidence")} /> },
                        ]}
                      />
                    </section>
                    <section>
                      <h3 className="mb-2 font-semibold">{t("currentOwner")}</h3>
                      {owner ? (
                        <DescriptionList
                          items={[
                            { term: t("who"), value: <UserText>{`${owner.user.name ?? ""} <${owner.user.email}>`}</UserText> },
                            { term: t("registeredAt"), value: format.dateTime(owner.registeredAt, { dateStyle: "medium" }) },
                            { term: t("purchasedOn"), value: owner.purchasedOn ? await formatLocalDate(localDateOf(owner.purchasedOn)) : "—" },
                            { term: t("evidence"), value: <Photo fileId={owner.proofFileId} alt={t("evidence")} /> },
                          ]}
                        />
                      ) : (
                        <p className="text-sm text-slate-700">{t("noOwner")}</p>
                      )}
                    </section>
                  </div>
                  <p className="mt-2 text-sm text-slate-600">{nameIn(locale, claim.unit.model)}</p>
                  <div className="mt-4">
                    <ClaimDecision claimId={claim.id} reviewedOwnershipId={owner?.id ?? null} />
                  </div>
                </Card>
              </li>
            );
          }))}
        </ul>
      )}
    </>
  );
}
