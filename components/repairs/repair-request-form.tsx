"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { createRepairRequestAction } from "@/lib/repairs/actions";
import {
  CONTACT_PREFERENCES,
  DELIVERIES,
  PREFERRED_DATES_MAX,
  REPAIR_DESCRIPTION_MAX_LENGTH,
  REPAIR_PHOTOS_MAX,
  ZRepairRequestSchema,
} from "@/lib/repairs/schemas";
import { RadioGroup } from "./radio-group";
import { RepairPhotosField } from "./repair-photos-field";

export type RepairFormOptions = {
  ownershipId: string;
  symptoms: { id: string; name: string }[];
  dealers: { id: string; name: string; prefecture: string | null }[];
  /** The profile's address and phone, when it has them; otherwise the form asks (and saves them). */
  profileAddress: string | null;
  profilePhone: string | null;
  /** The business calendar's today, the earliest pickup date. */
  today: string;
};

export function RepairRequestForm({ ownershipId, symptoms, dealers, profileAddress, profilePhone, today }: RepairFormOptions) {
  const t = useTranslations("repairs");
  const account = useTranslations("account");
  // One key per form: a double click or a retry after a timeout sends the same key, and the
  // server returns the ticket the first one made (lib/repairs/requests.ts).
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [uploading, setUploading] = useState(false);
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRepairRequestSchema,
    action: createRepairRequestAction,
    defaultValues: { ownershipId, idempotencyKey, contactPreference: "EMAIL", photoFileIds: [], symptomCategoryId: "", description: "" },
  });
  const delivery = form.watch("delivery");
  const contact = form.watch("contactPreference");
  // Fields of a choice the customer left are emptied, so a hidden field can never block sending
  // with an error nobody sees.
  const { setValue, clearErrors } = form;
  useEffect(() => {
    if (delivery === "COURIER_PICKUP") return;
    for (const field of ["postalCode", "prefecture", "city", "addressLine1", "addressLine2"] as const) setValue(field, "");
    setValue("preferredDates", []);
    clearErrors(["postalCode", "prefecture", "city", "addressLine1", "addressLine2", "preferredDates"]);
  }, [delivery, setValue, clearErrors]);
  useEffect(() => {
    if (contact === "PHONE") return;
    setValue("phone", "");
    clearErrors("phone");
  }, [contact, setValue, clearErrors]);

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      {formError && <Alert tone="error">{formError}</Alert>}
      <SelectField label={t("symptom")} error={fieldError("symptomCategoryId")} {...form.register("symptomCategoryId")}>
        <option value="">{t("symptomChoose")}</option>
        {symptoms.map((symptom) => (
          <option key={symptom.id} value={symptom.id}>
            {symptom.name}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label={t("description")}
        hint={t("descriptionHint")}
        limit={REPAIR_DESCRIPTION_MAX_LENGTH}
        error={fieldError("description")}
        {...form.register("description")}
      />
      <RepairPhotosField
        legend={t("photos")}
        hint={t("photosHint")}
        limit={REPAIR_PHOTOS_MAX}
        error={fieldError("photoFileIds")}
        onChange={(ids) => form.setValue("photoFileIds", ids)}
        onUploadingChange={setUploading}
      />
      <RadioGroup
        legend={t("delivery")}
        error={fieldError("delivery")}
        options={DELIVERIES.map((value) => ({ value, label: t(`deliveryName.${value}`) }))}
        {...form.register("delivery")}
      />
      {delivery === "COURIER_PICKUP" && (
        <div className="space-y-4 border-l-4 border-brand-100 pl-4">
          <fieldset className="min-w-0 space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t("preferredDates")}</legend>
            <p className="text-sm text-slate-600">{t("preferredDatesHint")}</p>
            <div className="grid gap-3 sm:grid-cols-3">
              {Array.from({ length: PREFERRED_DATES_MAX }, (_, index) => (
                <FormField
                  key={index}
                  type="date"
                  min={today}
                  label={t("preferredDate", { n: index + 1 })}
                  error={fieldError(`preferredDates.${index}`)}
                  {...form.register(`preferredDates.${index}`)}
                />
              ))}
            </div>
            {fieldError("preferredDates") && <p className="text-sm text-red-700">{fieldError("preferredDates")}</p>}
          </fieldset>
          {profileAddress ? (
            <p className="text-sm text-slate-800">{t("pickupAtProfile", { address: profileAddress })}</p>
          ) : (
            <fieldset className="min-w-0 space-y-3">
              <legend className="text-sm font-medium text-slate-800">{t("pickupAddress")}</legend>
              <p className="text-sm text-slate-600">{t("pickupAddressHint")}</p>
              <div className="grid gap-3 sm:grid-cols-2">
                <FormField
                  label={account("postalCode")}
                  hint={account("postalCodeHint")}
                  autoComplete="postal-code"
                  inputMode="numeric"
                  error={fieldError("postalCode")}
                  {...form.register("postalCode")}
                />
                <FormField
                  label={account("prefecture")}
                  autoComplete="address-level1"
                  error={fieldError("prefecture")}
                  {...form.register("prefecture")}
                />
                <FormField label={account("city")} autoComplete="address-level2" error={fieldError("city")} {...form.register("city")} />
                <FormField
                  label={account("addressLine1")}
                  autoComplete="address-line1"
                  error={fieldError("addressLine1")}
                  {...form.register("addressLine1")}
                />
                <FormField
                  label={account("addressLine2")}
                  autoComplete="address-line2"
                  error={fieldError("addressLine2")}
                  {...form.register("addressLine2")}
                />
              </div>
            </fieldset>
          )}
        </div>
      )}
      {delivery === "DEALER_DROP_OFF" && (
        <div className="border-l-4 border-brand-100 pl-4">
          <SelectField label={t("dealer")} error={fieldError("dealerId")} {...form.register("dealerId")}>
            <option value="">{t("dealerChoose")}</option>
            {dealers.map((dealer) => (
              <option key={dealer.id} value={dealer.id}>
                {dealer.prefecture ? `${dealer.name}(${dealer.prefecture})` : dealer.name}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {delivery === "SEND_IN" && (
        <div className="space-y-1 border-l-4 border-brand-100 pl-4 text-sm">
          <p className="font-medium text-slate-800">{t("sendInTitle")}</p>
          <p className="text-slate-900">{t("sendInAddress")}</p>
          <p className="text-slate-600">{t("sendInHint")}</p>
        </div>
      )}
      <RadioGroup
        legend={t("contact")}
        error={fieldError("contactPreference")}
        options={CONTACT_PREFERENCES.map((value) => ({ value, label: t(`contactName.${value}`) }))}
        {...form.register("contactPreference")}
      />
      {contact === "PHONE" &&
        (profilePhone ? (
          <p className="text-sm text-slate-800">{t("phoneAtProfile", { phone: profilePhone })}</p>
        ) : (
          <FormField
            label={t("phone")}
            hint={t("phoneHint")}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            error={fieldError("phone")}
            {...form.register("phone")}
          />
        ))}
      {uploading && <p className="text-sm text-slate-700">{t("waitForPhotos")}</p>}
      <Button type="submit" disabled={!canSubmit || uploading}>
        {busy ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
