import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { InquiryForm } from "@/components/chat/inquiry-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/permissions.server";
import { nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { listOwnProducts } from "@/lib/products/my-products";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chat"))("newTitle") };
}

/** Start an inquiry, from My Page or from a product's page (`?product=` preselects it). */
export default async function NewInquiryPage({ params, searchParams }: PageProps<"/[locale]/mypage/inquiries/new">) {
  await enterLocale(params);
  const user = await requireArea("mypage");
  const [products, t, locale, query] = await Promise.all([listOwnProducts(user), getTranslations("chat"), getLocale(), searchParams]);
  const requested = typeof query.product === "string" ? query.product : "";
  const productId = products.some((product) => product.ownershipId === requested) ? requested : "";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/mypage/inquiries" className="text-brand-700 underline">
          ← {t("listTitle")}
        </Link>
      </p>
      <PageTitle lead={t("newLead")}>{t("newTitle")}</PageTitle>
      <Card className="max-w-2xl">
        <InquiryForm
          productId={productId}
          products={products.map((product) => ({ id: product.ownershipId, label: `${nameIn(locale, product.model)} · ${product.serial}` }))}
        />
      </Card>
    </>
  );
}
