"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { addRepairInfoAction } from "@/lib/repairs/actions";
import { REPAIR_MESSAGE_MAX_LENGTH, REPAIR_PHOTOS_MAX, ZRepairInfoSchema } from "@/lib/repairs/schemas";
import { RepairPhotosField } from "./repair-photos-field";

/** The customer's answer to staff's question: text, photos or both. */
export function AnswerInfoForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("repairs");
  const router = useRouter();
  const [uploading, setUploading] = useState(false);
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRepairInfoSchema,
    action: addRepairInfoAction,
    defaultValues: { ticketId, message: "", photoFileIds: [] },
    onSuccess: () => {
      toast.success(t("answerSent"));
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextareaField
        label={t("answerMessage")}
        limit={REPAIR_MESSAGE_MAX_LENGTH}
        error={fieldError("message")}
        {...form.register("message")}
      />
      <RepairPhotosField
        legend={t("answerPhotos")}
        limit={REPAIR_PHOTOS_MAX}
        error={fieldError("photoFileIds")}
        onChange={(ids) => form.setValue("photoFileIds", ids)}
        onUploadingChange={setUploading}
      />
      {uploading && <p className="text-sm text-slate-700">{t("waitForPhotos")}</p>}
      <Button type="submit" disabled={!canSubmit || uploading}>
        {busy ? t("sending") : t("answerSubmit")}
      </Button>
    </form>
  );
}
