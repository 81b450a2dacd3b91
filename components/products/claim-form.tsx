"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { PhotoUpload } from "@/components/files/photo-upload";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { fileClaimAction } from "@/lib/products/actions";
import { CLAIM_MESSAGE_MAX_LENGTH, ZOwnershipClaimSchema } from "@/lib/products/schemas";

/** Ask staff to review a serial that another account registered. */
export function ClaimForm({ serial }: { serial: string }) {
  const t = useTranslations("products");
  const [uploading, setUploading] = useState(false);
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZOwnershipClaimSchema,
    action: fileClaimAction,
    defaultValues: { serial, message: "", evidenceFileId: "" },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField label={t("serial")} autoComplete="off" error={fieldError("serial")} {...form.register("serial")} />
      <TextareaField
        label={t("claimMessage")}
        hint={t("claimMessageHint")}
        limit={CLAIM_MESSAGE_MAX_LENGTH}
        error={fieldError("message")}
        {...form.register("message")}
      />
      <PhotoUpload
        purpose="claim_evidence"
        label={t("claimEvidence")}
        hint={t("claimEvidenceHint")}
        error={fieldError("evidenceFileId")}
        onChange={(fileId) => form.setValue("evidenceFileId", fileId)}
        onUploadingChange={setUploading}
      />
      <input type="hidden" {...form.register("evidenceFileId")} />
      <Button type="submit" disabled={!canSubmit || uploading}>
        {busy ? t("sending") : t("fileClaim")}
      </Button>
    </form>
  );
}
