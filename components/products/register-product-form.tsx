"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { PhotoUpload } from "@/components/files/photo-upload";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { Link } from "@/lib/i18n/navigation";
import { lookupSerialAction, registerProductAction } from "@/lib/products/actions";
import { OTHER_SHOP, ZRegisterProductSchema } from "@/lib/products/schemas";
import { firstExampleSerial } from "@/lib/products/serial-example";
import { checkAgainstFormats, normalizeSerial, type SerialFormat } from "@/lib/products/serial-format";
import { nameIn } from "@/lib/i18n/localized";

export type ModelFormat = SerialFormat & { code: string; nameJa: string; nameEn: string };

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function RegisterProductForm({
  formats,
  dealers,
  initialSerial,
  invitation = "",
  today,
}: {
  formats: ModelFormat[];
  dealers: { id: string; name: string }[];
  initialSerial: string;
  /** A dealer's registration invitation token, from the link in its email (issue 13). */
  invitation?: string;
  today: string;
}) {
  const t = useTranslations("products");
  const locale = useLocale();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRegisterProductSchema,
    action: registerProductAction,
    defaultValues: {
      serial: initialSerial,
      purchasedOn: "",
      dealerId: "",
      otherShopName: "",
      proofFileId: "",
      invitation,
      declineSale: false,
    },
  });
  const [uploading, setUploading] = useState(false);
  const serial = normalizeSerial(form.watch("serial") ?? "");
  const dealerId = form.watch("dealerId");
  const proofFileId = form.watch("proofFileId");
  // Derived from the models' formats, so the example always passes the check below.
  const example = useMemo(() => firstExampleSerial(formats), [formats]);
  // Format first (in the browser, as the customer types), then the registry (on the server).
  const verdict = checkAgainstFormats(serial, formats);
  const debouncedSerial = useDebounced(serial, 400);
  const lookup = useQuery({
    queryKey: ["serial-lookup", debouncedSerial, invitation],
    queryFn: async () => {
      const result = await lookupSerialAction({ serial: debouncedSerial, invitation });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    enabled: verdict === "ok" && debouncedSerial === serial,
    staleTime: 60_000,
    retry: false,
  });

  let status: { tone: "ok" | "bad" | "info"; text: string; link?: { href: string; label: string } } | null = null;
  if (verdict === "pattern") status = { tone: "bad", text: t("serialPattern") };
  else if (verdict === "checkDigit") status = { tone: "bad", text: t("serialCheckDigit") };
  else if (verdict === "ok" && (lookup.isFetching || debouncedSerial !== serial)) status = { tone: "info", text: t("serialChecking") };
  else if (verdict === "ok" && lookup.isError) status = { tone: "bad", text: lookup.error.message };
  else if (verdict === "ok" && lookup.data) {
    const data = lookup.data;
    if (data.status === "available") status = { tone: "ok", text: t("serialAvailable", { model: nameIn(locale, data.model) }) };
    else if (data.status === "ownedByYou")
      status = {
        tone: "info",
        text: t("serialOwnedByYou"),
        link: { href: `/mypage/products/${data.ownershipId}`, label: t("openProduct") },
      };
    else if (data.status === "ownedByOther")
      status = {
        tone: "bad",
        text: t("ownedByOther"),
        link: { href: `/mypage/products/claim?serial=${encodeURIComponent(data.serial)}`, label: t("fileClaim") },
      };
    else status = { tone: "bad", text: t("serialNotFound") };
  }

  // Ask only for what the model's warranty needs: a model counted from manufacture needs neither
  // a receipt nor a purchase date; otherwise the date is asked for once a receipt is added.
  const basis = lookup.data && "model" in lookup.data && verdict === "ok" ? lookup.data.model.warrantyBasis : null;
  const fromManufacture = basis === "MANUFACTURE_DATE";
  const { setValue } = form;
  useEffect(() => {
    if (fromManufacture) setValue("proofFileId", "");
  }, [fromManufacture, setValue]);
  const asksForDate = !fromManufacture && Boolean(proofFileId);
  // The shop's sales list confirms date and shop: nothing to ask (issue 13).
  const declined = form.watch("declineSale") === true;
  const confirmed = !declined && verdict === "ok" && lookup.data?.status === "available" ? lookup.data.confirmedSale : null;
  const formatDate = (value: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));

  const serialError = fieldError("serial");
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="flex flex-col gap-1">
        <FormField
          label={t("serial")}
          hint={example ? t("serialHint", { example }) : t("serialHintNoExample")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          error={serialError}
          {...form.register("serial")}
        />
        <p aria-live="polite" className="min-h-5 text-sm" data-testid="serial-status">
          {status && !serialError && (
            <span className={status.tone === "ok" ? "text-green-800" : status.tone === "bad" ? "text-red-700" : "text-slate-700"}>
              {status.tone === "ok" ? "✓ " : ""}
              {status.text}{" "}
              {status.link && (
                <Link href={status.link.href} className="font-semibold underline">
                  {status.link.label}
                </Link>
              )}
            </span>
          )}
        </p>
      </div>
      <input type="hidden" {...form.register("invitation")} />
      {confirmed && (
        <div className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="dealer-confirmed">
          <p className="font-semibold">{t("dealerConfirmedTitle")}</p>
          <p>{t("dealerConfirmed", { dealer: confirmed.dealerName, date: formatDate(confirmed.soldOn) })}</p>
          <button type="button" className="mt-1 min-h-11 font-semibold underline" onClick={() => form.setValue("declineSale", true)}>
            {t("notMyPurchase")}
          </button>
        </div>
      )}
      {!confirmed && (
        <>
          <SelectField label={t("shop")} error={fieldError("dealerId")} {...form.register("dealerId")}>
            <option value="">{t("shopNotGiven")}</option>
            {dealers.map((dealer) => (
              <option key={dealer.id} value={dealer.id}>
                {dealer.name}
              </option>
            ))}
            <option value={OTHER_SHOP}>{t("shopOther")}</option>
          </SelectField>
          {dealerId === OTHER_SHOP && (
            <FormField label={t("otherShopName")} error={fieldError("otherShopName")} {...form.register("otherShopName")} />
          )}
          {fromManufacture ? (
            <p
              className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800"
              data-testid="warranty-basis-note"
            >
              {t("fromManufactureNote")}
            </p>
          ) : (
            <PhotoUpload
              purpose="proof_of_purchase"
              label={t("proof")}
              hint={t("proofHint")}
              error={fieldError("proofFileId")}
              onChange={(fileId) => form.setValue("proofFileId", fileId)}
              onUploadingChange={setUploading}
            />
          )}
          {asksForDate && (
            <FormField
              label={t("purchasedOn")}
              hint={t("purchasedOnHint")}
              type="date"
              max={today}
              required
              error={fieldError("purchasedOn")}
              {...form.register("purchasedOn")}
            />
          )}
        </>
      )}
      <input type="hidden" {...form.register("proofFileId")} />
      <Button type="submit" disabled={!canSubmit || uploading}>
        {busy ? t("registering") : t("register")}
      </Button>
    </form>
  );
}
