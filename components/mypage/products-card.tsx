import { getLocale, getTranslations } from "next-intl/server";
import { RecallFlag } from "@/components/products/recall-flag";
import { WarrantyStatusLine } from "@/components/products/warranty-summary";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { nameIn } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { OwnedProduct } from "@/lib/products/my-products";
import type { OwnRecallNotice } from "@/lib/recalls/notices";

/** How many products My Page lists before pointing to the full list. */
const SHOWN = 5;

/** My Page: the customer's products with their warranty state and any open safety notice. */
export async function ProductsCard({ products, notices }: { products: OwnedProduct[]; notices: OwnRecallNotice[] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  if (products.length === 0) {
    return (
      <Card title={t("products.listTitle")} className="min-w-0">
        <p className="mb-4 text-slate-700">{t("mypage.productsEmpty")}</p>
        <div className="flex flex-wrap gap-3">
          <Button asChild>
            <Link href="/mypage/products/register">{t("products.registerTitle")}</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href="/mypage/products/receive">{t("products.receiveTitle")}</Link>
          </Button>
        </div>
      </Card>
    );
  }
  return (
    <Card title={t("products.listTitle")} className="min-w-0">
      <ul className="mb-4 space-y-3">
        {products.slice(0, SHOWN).map((product) => (
          <li key={product.ownershipId} className="rounded-md border border-slate-200 p-3">
            <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <Link href={`/mypage/products/${product.ownershipId}`} className="font-semibold text-brand-700 underline">
                {nameIn(locale, product.model)}
              </Link>
              <span className="text-sm text-slate-600">
                {t("products.serialShort")} <span className="font-mono break-all">{product.serial}</span>
              </span>
            </p>
            <div className="mt-2 space-y-2">
              <WarrantyStatusLine warranty={product.warranty} />
              {notices
                .filter((notice) => notice.unitId === product.unitId)
                .map((notice) => (
                  <p key={notice.id}>
                    <RecallFlag notice={notice} />
                  </p>
                ))}
            </div>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm font-semibold">
        <Link href="/mypage/products" className="text-brand-700 underline">
          {t("mypage.allProducts", { count: products.length })}
        </Link>
        <Link href="/mypage/products/register" className="text-brand-700 underline">
          {t("products.registerTitle")}
        </Link>
      </div>
    </Card>
  );
}
