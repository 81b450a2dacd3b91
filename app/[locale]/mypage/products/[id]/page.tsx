import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfilePrompt } from "@/components/profiling/profile-prompt";
import { promptFor } from "@/lib/profiling/prompts";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { OwnershipActions } from "@/components/products/ownership-actions";
import { ProductTimeline } from "@/components/products/product-timeline";
import { RecallFlag } from "@/components/products/recall-flag";
import { WarrantySummary } from "@/components/products/warranty-summary";
import { formatLocalDate } from "@/lib/i18n/format-local-date";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { requireArea } from "@/lib/auth/permissions.server";
import { enterLocale } from "@/lib/i18n/page";
import { Link } from "@/lib/i18n/navigation";
import { getOwnProduct } from "@/lib/products/my-products";
import { productTimeline } from "@/lib/products/timeline";
import { pendingTransferOf } from "@/lib/products/transfers";
import { nameIn } from "@/lib/i18n/localized";
import { listOwnRecallNotices } from "@/lib/recalls/notices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products"))("productTitle") };
}

export default async function ProductPage({ params, searchParams }: PageProps<"/[locale]/mypage/products/[id]">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const { id } = await params;
  // Another customer's product, an ended ownership or a made-up id: all the same 404.
  const product = await getOwnProduct(user, id);
  if (!product) notFound();
  const query = await searchParams;
  const [events, pending, notices, t, repairs, chat, locale, prompt] = await Promise.all([
    productTimeline({ actor: user, product }),
    pendingTransferOf(product.ownershipId),
    listOwnRecallNotices(user, { unitId: product.unitId, unresolved: true }),
    getTranslations("products"),
    getTranslations("repairs"),
    getTranslations("chat"),
    getLocale(),
    // Right after a registration, one or two of the brand's questions (issue 15), if any are due.
    query.registered ? promptFor(user.id, "AFTER_REGISTRATION") : Promise.resolve(null),
  ]);
  const name = nameIn(locale, product.model);
  const notSet = <span className="text-slate-500">{t("notGiven")}</span>;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/mypage/products" className="text-brand-700 underline">
          ← {t("listTitle")}
        </Link>
      </p>
      <PageTitle lead={`${product.model.code} · ${t("serialShort")} ${product.serial}`}>{name}</PageTitle>
      {query.registered && (
        <div className="mb-4">
          <Alert tone="success">{t("registered")}</Alert>
        </div>
      )}
      {prompt && (
        <div className="mb-6">
          <ProfilePrompt prompt={prompt} />
        </div>
      )}
      {query.received && (
        <div className="mb-4">
          <Alert tone="success">{t("received")}</Alert>
        </div>
      )}
      {notices.map((notice) => (
        <p key={notice.id} className="mb-4">
          <RecallFlag notice={notice} />
        </p>
      ))}
      <div className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button asChild>
          <Link href={{ pathname: "/mypage/repairs/new", query: { product: product.ownershipId } }}>{repairs("requestRepair")}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href={{ pathname: "/mypage/inquiries/new", query: { product: product.ownershipId } }}>{chat("askAboutProduct")}</Link>
        </Button>
        <p className="text-sm text-slate-700">{repairs("productRepairsLead")}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("warrantyTitle")}>
          <WarrantySummary warranty={product.warranty} />
        </Card>
        <Card title={t("detailsTitle")}>
          <DescriptionList
            items={[
              { term: t("serial"), value: <span className="font-mono">{product.serial}</span> },
              { term: t("purchasedOn"), value: product.purchasedOn ? await formatLocalDate(product.purchasedOn) : notSet },
              { term: t("shop"), value: product.shopName ?? notSet },
              { term: t("manufacturedOn"), value: await formatLocalDate(product.manufacturedOn) },
              {
                term: t("proof"),
                value: product.ownProofFileId ? (
                  <a href={`/api/files/${product.ownProofFileId}`} target="_blank" rel="noreferrer" className="inline-block">
                    {/* eslint-disable-next-line @next/next/no-img-element -- a private, access-checked image */}
                    <img
                      src={`/api/files/${product.ownProofFileId}?variant=thumb`}
                      alt={t("proofAlt")}
                      className="h-24 w-24 rounded object-cover"
                    />
                  </a>
                ) : (
                  notSet
                ),
              },
            ]}
          />
        </Card>
        <Card title={t("timelineTitle")}>
          <ProductTimeline events={events} />
        </Card>
        <Card>
          <OwnershipActions ownershipId={product.ownershipId} pendingUntil={pending?.expiresAt.toISOString() ?? null} />
        </Card>
      </div>
    </>
  );
}
