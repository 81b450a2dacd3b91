"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { useRouter } from "@/lib/i18n/navigation";
import { completeRecallAction, deleteRecallAction, publishRecallAction } from "@/lib/recalls/actions";
import { ZRecallCompletionSchema } from "@/lib/recalls/schemas";

/** Publish a draft; for a published campaign (`retry`), send the notices whose email failed. */
export function PublishRecallButton({
  campaignId,
  owners,
  version,
  retry = false,
}: {
  campaignId: string;
  owners: number;
  version?: string;
  retry?: boolean;
}) {
  const t = useTranslations("recallsAdmin");
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  return (
    <ConfirmButton
      label={retry ? t("resend") : t("publish")}
      title={retry ? t("resend") : t("publishConfirmTitle")}
      body={retry ? t("publishConfirmBody", { owners }) : `${t("publishConfirmBody", { owners })} ${t("publishSavedOnly")}`}
      confirmLabel={t("publishConfirm")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() =>
        new Promise<void>((resolve) =>
          startTransition(async () => {
            const result = await publishRecallAction({ campaignId, version });
            if (result.ok) toast.success(t("published", { count: result.data.notified }));
            else toast.error(result.error.message);
            router.refresh();
            resolve();
          }),
        )
      }
    />
  );
}

/** Record a fixed unit by serial (for the completion rate). */
export function CompleteRecallForm({ campaignId }: { campaignId: string }) {
  const t = useTranslations("recallsAdmin");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZRecallCompletionSchema,
    action: completeRecallAction,
    defaultValues: { campaignId, serial: "" },
    onSuccess: () => {
      toast.success(t("completedSaved"));
      form.reset({ campaignId, serial: "" });
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField label={t("completedSerial")} className="font-mono" error={fieldError("serial")} {...form.register("serial")} />
      <Button type="submit" variant="secondary" disabled={!canSubmit}>
        {busy ? t("saving") : t("markCompleted")}
      </Button>
    </form>
  );
}

/** Delete a draft after asking; published campaigns have no such button (and the server refuses). */
export function DeleteRecallDraftButton({ campaignId, code }: { campaignId: string; code: string }) {
  const t = useTranslations("recallsAdmin");
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  return (
    <ConfirmButton
      label={t("delete")}
      title={t("deleteConfirmTitle")}
      body={t("deleteConfirmBody", { code })}
      confirmLabel={t("deleteConfirm")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() =>
        new Promise<void>((resolve) =>
          startTransition(async () => {
            const result = await deleteRecallAction({ campaignId });
            resolve();
            if (!result.ok) return void toast.error(result.error.message);
            toast.success(t("deleted"));
            router.push("/admin/recalls");
          }),
        )
      }
    />
  );
}
