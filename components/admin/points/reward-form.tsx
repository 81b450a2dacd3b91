"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PhotoUpload } from "@/components/files/photo-upload";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { saveRewardAction } from "@/lib/points/admin-actions";
import { REWARD_KINDS, ZRewardSchema, type TReward } from "@/lib/points/schemas";

/** A reward of the catalog: texts in both languages, cost, stock, limit, and its coupon codes or plan. */
export function RewardForm({ defaults, plans }: { defaults: TReward; plans: { id: string; label: string }[] }) {
  const t = useTranslations("pointsAdmin");
  const tp = useTranslations("points");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRewardSchema,
    action: saveRewardAction,
    defaultValues: defaults,
    onSuccess: (saved) => {
      toast.success(t("rewardSaved"));
      router.push(`/admin/points/rewards/${saved.id}`);
      router.refresh();
    },
  });
  const kind = form.watch("kind");
  const [uploading, setUploading] = useState(false);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("reward.kind")} error={fieldError("kind")} {...form.register("kind")}>
          {REWARD_KINDS.map((value) => (
            <option key={value} value={value}>
              {tp(`rewardKind.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("reward.active")} error={fieldError("active")} {...form.register("active")}>
          <option value="yes">{t("reward.activeYes")}</option>
          <option value="no">{t("reward.activeNo")}</option>
        </SelectField>
        <FormField label={t("reward.nameJa")} error={fieldError("nameJa")} {...form.register("nameJa")} />
        <FormField label={t("reward.nameEn")} error={fieldError("nameEn")} {...form.register("nameEn")} />
        <FormField label={t("reward.cost")} inputMode="numeric" error={fieldError("cost")} {...form.register("cost")} />
        <FormField
          label={t("reward.stock")}
          hint={t("reward.stockHint")}
          inputMode="numeric"
          error={fieldError("stock")}
          {...form.register("stock")}
        />
        <FormField
          label={t("reward.perCustomerLimit")}
          hint={t("reward.limitHint")}
          inputMode="numeric"
          error={fieldError("perCustomerLimit")}
          {...form.register("perCustomerLimit")}
        />
        {kind === "WARRANTY_EXTENSION" && (
          <SelectField label={t("reward.plan")} error={fieldError("planId")} {...form.register("planId")}>
            <option value="">{t("reward.choosePlan")}</option>
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.label}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <TextareaField
        label={t("reward.descriptionJa")}
        limit={1000}
        rows={3}
        error={fieldError("descriptionJa")}
        {...form.register("descriptionJa")}
      />
      <TextareaField
        label={t("reward.descriptionEn")}
        limit={1000}
        rows={3}
        error={fieldError("descriptionEn")}
        {...form.register("descriptionEn")}
      />
      {kind === "COUPON" && (
        <TextareaField
          label={t("reward.couponCodes")}
          hint={t("reward.couponCodesHint")}
          rows={4}
          error={fieldError("couponCodes")}
          {...form.register("couponCodes")}
        />
      )}
      <PhotoUpload
        purpose="reward_image"
        label={t("reward.image")}
        error={fieldError("imageFileId")}
        onChange={(fileId) => form.setValue("imageFileId", fileId)}
        onUploadingChange={setUploading}
      />
      <Button type="submit" disabled={!canSubmit || uploading}>
        {busy ? t("saving") : t("rewardSave")}
      </Button>
    </form>
  );
}
