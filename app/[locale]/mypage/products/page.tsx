import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { ClaimOutcome } from "@/components/products/claim-outcome";
import { RecallFlag } from "@/components/products/recall-flag";
import { WarrantySummary } from "@/components/products/warranty-summary";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";
import { listOwnClaims } from "@/lib/products/claims";
import { listOwnProducts, listPastProducts } from "@/lib/products/my-products";
import { nameIn } from "@/lib/i18n/localized";
import { listOwnRecallNotices } from "@/lib/recalls/notices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products"))("listTitle") };
}

export default async function MyProductsPage({ params, searchParams }: PageProps<"/[locale]/mypage/products">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const query = await searchParams;
  const [products, notices, past, claims, t, format, locale] = await Promise.all([
    listOwnProducts(user),
    listOwnRecallNotices(user, { unresolved: true }),
    listPastProducts(user),
    listOwnClaims(user),
    getTranslations("products"),
    getFormatter(),
    getLocale(),
  ]);

  return (
    <>
      <PageTitle lead={t("listLead")}>{t("listTitle")}</PageTitle>
      <div className="mb-6 flex flex-wrap gap-3">
        <Button asChild>
          <Link href="/mypage/products/register">{t("registerTitle")}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/mypage/products/receive">{t("receiveTitle")}</Link>
        </Button>
      </div>
      {query.claimed && (
        <div className="mb-4">
          <Alert tone="success">{t("claimFiled")}</Alert>
        </div>
      )}
      {query.unregistered && (
        <div className="mb-4">
          <Alert tone="success">{t("unregistered")}</Alert>
        </div>
      )}
      {products.length === 0 ? (
        <Card>
          <p className="text-slate-700">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {products.map((product) => (
            <li key={product.ownershipId}>
              <Card>
                <h2 className="text-lg font-semibold">
                  <Link href={`/mypage/products/${product.ownershipId}`} className="text-brand-700 underline">
                    {nameIn(locale, product.model)}
                  </Link>
                </h2>
                <p className="mb-3 text-sm text-slate-600">
                  {product.model.code} · {t("serialShort")} <span className="font-mono">{product.serial}</span>
                </p>
                {notices
                  .filter((notice) => notice.unitId === product.unitId)
                  .map((notice) => (
                    <p key={notice.id} className="mb-3">
                      <RecallFlag notice={notice} />
                    </p>
                  ))}
                <WarrantySummary warranty={product.warranty} compact />
              </Card>
            </li>
          ))}
        </ul>
      )}
      {claims.length > 0 && (
        <section className="mt-8">
          <h2 className="mb-3 text-lg font-semibold">{t("claimsTitle")}</h2>
          <ul className="space-y-2">
            {claims.map((claim) => (
              <li key={claim.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                {nameIn(locale, claim.unit.model)} · <span className="font-mono">{claim.unit.serial}</span> —{" "}
                <strong>{t(`claimStatus.${claim.status}`)}</strong> ({format.dateTime(claim.createdAt, { dateStyle: "medium" })})
                <ClaimOutcome claim={claim} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {past.length > 0 && (
        <section className="mt-8">
          <h2 className="mb-3 text-lg font-semibold">{t("pastTitle")}</h2>
          <ul className="space-y-2">
            {past.map((row) => (
              <li key={row.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700">
                {nameIn(locale, row.unit.model)} · <span className="font-mono">{row.unit.serial}</span> —{" "}
                {t(`endReason.${row.endReason ?? "UNREGISTERED"}`, { date: format.dateTime(row.endedAt!, { dateStyle: "medium" }) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
