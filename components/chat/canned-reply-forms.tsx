"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { deleteCannedReplyAction, saveCannedReplyAction } from "@/lib/chat/actions";
import { CANNED_TITLE_MAX_LENGTH, CHAT_MESSAGE_MAX_LENGTH, ZCannedReplySchema, type TCannedReply } from "@/lib/chat/schemas";
import { useRouter } from "@/lib/i18n/navigation";

/** Add or change a canned reply: a title and a text in each language; `{name}` becomes the customer's name. */
export function CannedReplyForm({ reply, onDone }: { reply?: TCannedReply & { id: string }; onDone?: () => void }) {
  const t = useTranslations("chat.replies");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZCannedReplySchema,
    action: saveCannedReplyAction,
    defaultValues: reply ?? { id: "", titleJa: "", titleEn: "", bodyJa: "", bodyEn: "" },
    onSuccess: () => {
      toast.success(t("saved"));
      if (!reply) form.reset({ id: "", titleJa: "", titleEn: "", bodyJa: "", bodyEn: "" });
      onDone?.();
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="grid gap-4 md:grid-cols-2">
        <FormField
          label={t("titleJa")}
          maxLength={CANNED_TITLE_MAX_LENGTH + 20}
          error={fieldError("titleJa")}
          {...form.register("titleJa")}
        />
        <FormField
          label={t("titleEn")}
          maxLength={CANNED_TITLE_MAX_LENGTH + 20}
          error={fieldError("titleEn")}
          {...form.register("titleEn")}
        />
        <TextareaField
          label={t("bodyJa")}
          hint={t("nameHint")}
          limit={CHAT_MESSAGE_MAX_LENGTH}
          error={fieldError("bodyJa")}
          {...form.register("bodyJa")}
        />
        <TextareaField
          label={t("bodyEn")}
          hint={t("nameHint")}
          limit={CHAT_MESSAGE_MAX_LENGTH}
          error={fieldError("bodyEn")}
          {...form.register("bodyEn")}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={!canSubmit}>
          {busy ? t("saving") : reply ? t("saveChanges") : t("add")}
        </Button>
        {onDone && (
          <Button variant="secondary" onClick={onDone}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}

/** One saved reply: read, change, or delete after a confirmation. */
export function CannedReplyItem({ reply }: { reply: TCannedReply & { id: string } }) {
  const t = useTranslations("chat.replies");
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  if (editing) return <CannedReplyForm reply={reply} onDone={() => setEditing(false)} />;
  return (
    <div className="space-y-2">
      <p className="font-semibold [overflow-wrap:anywhere]">
        {reply.titleJa} / {reply.titleEn}
      </p>
      <div className="grid gap-3 text-sm md:grid-cols-2">
        <p className="rounded-md bg-slate-50 px-3 py-2 whitespace-pre-line [overflow-wrap:anywhere]" lang="ja">
          {reply.bodyJa}
        </p>
        <p className="rounded-md bg-slate-50 px-3 py-2 whitespace-pre-line [overflow-wrap:anywhere]" lang="en">
          {reply.bodyEn}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t("edit")}
        </Button>
        <ConfirmButton
          label={t("delete")}
          title={t("deleteTitle")}
          body={t("deleteBody", { title: reply.titleJa })}
          confirmLabel={t("delete")}
          cancelLabel={t("cancel")}
          busy={busy}
          onConfirm={async () => {
            setBusy(true);
            const result = await deleteCannedReplyAction({ id: reply.id });
            setBusy(false);
            if (result.ok) {
              toast.success(t("deleted"));
              router.refresh();
            } else toast.error(result.error.message);
          }}
        />
      </div>
    </div>
  );
}
