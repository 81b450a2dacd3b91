"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { redeemAction } from "@/lib/points/actions";

type Props = {
  reward: { id: string; name: string; cost: number; kind: string; blocked: boolean };
  available: number;
  products: { id: string; label: string }[];
};

/**
 * Redeem with a confirmation that shows the balance after. One key per visit of the page: a double
 * click, or a retry after a timeout, redeems once and shows the same result.
 */
export function RedeemForm({ reward, available, products }: Props) {
  const t = useTranslations("points");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [ownershipId, setOwnershipId] = useState(products.length === 1 ? products[0]!.id : "");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [done, setDone] = useState<{ couponCode: string | null; availableAfter: number } | null>(null);
  const [busy, startTransition] = useTransition();
  const needsProduct = reward.kind === "WARRANTY_EXTENSION";
  const after = available - reward.cost;

  if (done) {
    return (
      <div className="mt-4 space-y-3" role="status">
        <Alert tone="success">{t("redeemed", { reward: reward.name, points: done.availableAfter })}</Alert>
        {done.couponCode && (
          <p>
            {t("couponCode")}: <code className="rounded bg-slate-100 px-2 py-1 font-mono text-lg break-all">{done.couponCode}</code>
          </p>
        )}
        <div className="flex flex-wrap gap-4 font-semibold">
          <Link href="/mypage/points#history" className="text-brand-700 underline">
            {t("seeHistory")}
          </Link>
          <Link href="/mypage/points/rewards" className="text-brand-700 underline">
            {t("backToRewards")}
          </Link>
        </div>
      </div>
    );
  }

  const confirm = () =>
    startTransition(async () => {
      const result = await redeemAction({ rewardId: reward.id, cost: reward.cost, ownershipId, idempotencyKey });
      dialog.current?.close();
      if (result.ok) {
        setDone(result.data);
        router.refresh();
      } else {
        setError(result.error.fieldErrors ? null : result.error.message);
        setFieldError(result.error.fieldErrors?.ownershipId);
      }
    });

  return (
    <div className="mt-4 space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <dl className="space-y-1 text-sm">
        <div className="flex justify-between gap-2">
          <dt>{t("cost")}</dt>
          <dd className="font-semibold tabular-nums">{t("pointsValue", { points: reward.cost })}</dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt>{t("balanceNow")}</dt>
          <dd className="tabular-nums">{t("pointsValue", { points: available })}</dd>
        </div>
        <div className="flex justify-between gap-2 border-t border-slate-200 pt-1">
          <dt>{t("balanceAfter")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="balance-after">
            {after >= 0 ? t("pointsValue", { points: after }) : "—"}
          </dd>
        </div>
      </dl>
      {needsProduct &&
        (products.length === 0 ? (
          <Alert>{t("noProductForPlan")}</Alert>
        ) : (
          <SelectField label={t("productForPlan")} value={ownershipId} error={fieldError} onChange={(e) => setOwnershipId(e.target.value)}>
            <option value="">{t("chooseProduct")}</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </SelectField>
        ))}
      {after < 0 ? (
        <p className="text-slate-700">{t("needMore", { points: -after })}</p>
      ) : reward.blocked ? null : (
        <Button
          disabled={busy || (needsProduct && !ownershipId)}
          onClick={() => {
            setError(null);
            dialog.current?.showModal();
          }}
        >
          {t("redeem")}
        </Button>
      )}
      <dialog
        ref={dialog}
        aria-labelledby="redeem-confirm"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-6">
          <h2 id="redeem-confirm" className="text-lg font-semibold">
            {t("confirmTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("confirmBody", { reward: reward.name, cost: reward.cost, after })}</p>
          <div className="flex flex-wrap gap-2">
            <Button disabled={busy} onClick={confirm}>
              {busy ? t("redeeming") : t("confirmRedeem")}
            </Button>
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              {t("goBack")}
            </Button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
