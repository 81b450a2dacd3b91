"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { proposeAdjustmentAction } from "@/lib/points/actions";
import { POINTS_REASON_MAX_LENGTH, ZAdjustmentSchema } from "@/lib/points/schemas";

/** Add or take points with a reason; above the threshold it waits for a second staff member. */
export function AdjustmentForm({ customerId, threshold }: { customerId: string; threshold: number }) {
  const t = useTranslations("pointsAdmin");
  const router = useRouter();
  // One key per proposal: a double click or a retry proposes once. A refusal (e.g. not enough points)
  // is final for that key, so the next try, with what is still typed, gets a new one.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZAdjustmentSchema,
    action: proposeAdjustmentAction,
    defaultValues: { customerId, reason: "", idempotencyKey },
    onSuccess: (result) => {
      toast.success(result.status === "APPLIED" ? t("adjustmentApplied") : t("adjustmentAwaiting"));
      form.reset({ customerId, reason: "", points: "" as never, idempotencyKey: crypto.randomUUID() });
      router.refresh();
    },
    onError: (error) => {
      if (error.code !== "VALIDATION") form.setValue("idempotencyKey", crypto.randomUUID());
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField
        label={t("adjustPoints")}
        hint={t("adjustPointsHint", { threshold })}
        inputMode="numeric"
        error={fieldError("points")}
        {...form.register("points")}
      />
      <TextareaField
        label={t("adjustReason")}
        limit={POINTS_REASON_MAX_LENGTH}
        rows={3}
        error={fieldError("reason")}
        {...form.register("reason")}
      />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("adjustSubmit")}
      </Button>
    </form>
  );
}
