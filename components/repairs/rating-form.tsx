"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { rateRepairAction } from "@/lib/repairs/actions";
import { RATING_COMMENT_MAX_LENGTH, ZRatingSchema } from "@/lib/repairs/schemas";
import { RadioGroup } from "./radio-group";

const RATINGS = ["1", "2", "3", "4", "5"] as const;

/** After completion, once: 1-5 and an optional comment. */
export function RatingForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("repairs");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRatingSchema,
    action: rateRepairAction,
    defaultValues: { ticketId, comment: "" },
    onSuccess: () => {
      toast.success(t("ratingThanks"));
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <RadioGroup
        legend={t("ratingLegend")}
        error={fieldError("rating")}
        options={RATINGS.map((value) => ({ value, label: t(`ratingName.${value}`) }))}
        {...form.register("rating")}
      />
      <TextareaField
        label={t("ratingComment")}
        rows={3}
        limit={RATING_COMMENT_MAX_LENGTH}
        error={fieldError("comment")}
        {...form.register("comment")}
      />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("sending") : t("ratingSubmit")}
      </Button>
    </form>
  );
}
