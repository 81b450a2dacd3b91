"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useRouter } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { lookupPostalCodeAction, updateProfileAction } from "@/lib/account/actions";
import { ZProfileSchema, type TProfile } from "@/lib/account/schemas";

/** Name, furigana, phone and address; the postal code fills in prefecture, city and town. */
export function ProfileForm({ initial, returnTo }: { initial: TProfile; returnTo?: string }) {
  const t = useTranslations("account");
  const localeNames = useTranslations("locale");
  const router = useRouter();
  const [lookupMessage, setLookupMessage] = useState<string>();
  const [looking, startLookup] = useTransition();
  const { form, onSubmit, fieldError, formError, busy, canSubmit } = useActionForm({
    schema: ZProfileSchema,
    action: updateProfileAction,
    defaultValues: initial,
    onSuccess: () => {
      toast.success(t("saved"));
      // Back to what asked for these details (a path inside the portal, checked on the server).
      if (returnTo) router.push(returnTo);
    },
  });

  const lookup = () =>
    startLookup(async () => {
      setLookupMessage(undefined);
      const result = await lookupPostalCodeAction({ postalCode: form.getValues("postalCode") });
      const match = result?.ok ? result.data[0] : undefined;
      if (!match) return setLookupMessage(t("postalCodeUnknown"));
      form.setValue("prefecture", match.prefecture, { shouldDirty: true });
      form.setValue("city", match.city, { shouldDirty: true });
      form.setValue("addressLine1", match.town, { shouldDirty: true });
      setLookupMessage(t("postalCodeFilled"));
    });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("name")} autoComplete="name" error={fieldError("name")} {...form.register("name")} />
        <FormField label={t("nameKana")} hint={t("nameKanaHint")} error={fieldError("nameKana")} {...form.register("nameKana")} />
        <FormField
          label={t("phone")}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          error={fieldError("phone")}
          {...form.register("phone")}
        />
        <SelectField label={t("locale")} {...form.register("locale")}>
          {routing.locales.map((locale) => (
            <option key={locale} value={locale}>
              {localeNames(locale)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">{t("address")}</legend>
        <div className="flex items-end gap-2">
          <FormField
            label={t("postalCode")}
            hint={t("postalCodeHint")}
            autoComplete="postal-code"
            inputMode="numeric"
            error={fieldError("postalCode")}
            className="w-40"
            {...form.register("postalCode")}
          />
          <Button variant="secondary" disabled={looking} onClick={lookup}>
            {looking ? t("postalCodeLooking") : t("postalCodeLookup")}
          </Button>
        </div>
        {lookupMessage && (
          <p role="status" className="text-sm text-slate-700">
            {lookupMessage}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={t("prefecture")}
            autoComplete="address-level1"
            error={fieldError("prefecture")}
            {...form.register("prefecture")}
          />
          <FormField label={t("city")} autoComplete="address-level2" error={fieldError("city")} {...form.register("city")} />
          <FormField
            label={t("addressLine1")}
            autoComplete="address-line1"
            error={fieldError("addressLine1")}
            {...form.register("addressLine1")}
          />
          <FormField
            label={t("addressLine2")}
            autoComplete="address-line2"
            error={fieldError("addressLine2")}
            {...form.register("addressLine2")}
          />
        </div>
      </fieldset>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
