import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { WarrantySummary, WarrantyStatusLine } from "@/components/products/warranty-summary";
import { CoverageNote } from "@/components/repairs/coverage-note";
import { RepairRequestForm } from "@/components/repairs/repair-request-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { inLocale, nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { listOwnProducts } from "@/lib/products/my-products";
import { repairFormOptions } from "@/lib/repairs/form-options";
import { previewRepair, symptomsFor } from "@/lib/repairs/requests";
import { businessToday } from "@/lib/time/business-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("repairs"))("newTitle") };
}

export default async function NewRepairPage({ params, searchParams }: PageProps<"/[locale]/mypage/repairs/new">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const { product: ownershipId } = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("repairs"), getLocale()]);
  const back = (
    <p className="mb-2 text-sm">
      <Link href="/mypage/repairs" className="text-brand-700 underline">
        ← {t("listTitle")}
      </Link>
    </p>
  );

  if (typeof ownershipId !== "string" || ownershipId === "") {
    // No product chosen yet (from My Page or the repairs list): pick one of the customer's own.
    const products = await listOwnProducts(user);
    return (
      <>
        {back}
        <PageTitle lead={t("pickLead")}>{t("newTitle")}</PageTitle>
        {products.length === 0 ? (
          <Card className="max-w-2xl">
            <p className="mb-4 text-slate-700">{t("pickEmpty")}</p>
            <Button asChild>
              <Link href="/mypage/products/register">{(await getTranslations("products"))("registerTitle")}</Link>
            </Button>
          </Card>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {products.map((product) => (
              <li key={product.ownershipId}>
                <Card>
                  <h2 className="text-lg font-semibold">{nameIn(locale, product.model)}</h2>
                  <p className="mb-3 text-sm text-slate-600">
                    {product.model.code} · <span className="font-mono break-all">{product.serial}</span>
                  </p>
                  <div className="mb-3">
                    <WarrantyStatusLine warranty={product.warranty} />
                  </div>
                  <Button asChild variant="secondary">
                    <Link href={{ pathname: "/mypage/repairs/new", query: { product: product.ownershipId } }}>
                      {t("pickAction")}
                      <span className="sr-only">
                        : {nameIn(locale, product.model)} {product.serial}
                      </span>
                    </Link>
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  // Another customer's product or a made-up id: the same 404 as everywhere.
  const preview = await previewRepair(user.id, ownershipId.slice(0, 40));
  if (!preview) notFound();
  const { product } = preview;
  const [symptoms, options] = await Promise.all([symptomsFor(product.model.category), repairFormOptions(user.id)]);
  const name = nameIn(locale, product.model);
  return (
    <>
      {back}
      <PageTitle lead={`${name} · ${product.model.code} · ${product.serial}`}>{t("newTitle")}</PageTitle>
      <div className="grid max-w-3xl gap-6">
        {preview.openRequests.length > 0 && (
          <Alert>
            <p>{t("openAlready", { count: preview.openRequests.length })}</p>
            <ul className="mt-1 flex flex-wrap gap-x-4">
              {preview.openRequests.map((request) => (
                <li key={request.id}>
                  <Link href={`/mypage/repairs/${request.id}`} className="font-mono underline">
                    {request.number}
                  </Link>
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <section aria-labelledby="before-you-send" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="before-you-send" className="mb-3 text-lg font-semibold">
            {t("beforeTitle")}
          </h2>
          <div className="space-y-3">
            <div>
              <h3 className="mb-1 text-sm font-medium text-slate-600">{t("warrantyTitle")}</h3>
              <WarrantySummary warranty={product.warranty} />
            </div>
            <div>
              <h3 className="mb-1 text-sm font-medium text-slate-600">{t("costTitle")}</h3>
              <CoverageNote
                coverage={preview.coverage}
                recallTitle={preview.recall ? inLocale(locale, { ja: preview.recall.titleJa, en: preview.recall.titleEn }) : null}
              />
            </div>
          </div>
        </section>
        <Card>
          <p className="mb-4 text-sm text-slate-700">{t("newLead")}</p>
          <RepairRequestForm
            ownershipId={product.ownershipId}
            symptoms={symptoms.map((symptom) => ({ id: symptom.id, name: nameIn(locale, symptom) }))}
            dealers={options.dealers}
            profileAddress={options.profileAddress}
            profilePhone={options.profilePhone}
            today={businessToday()}
          />
        </Card>
      </div>
    </>
  );
}
