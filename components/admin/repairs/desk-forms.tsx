"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import type { RepairStatus } from "@/lib/generated/prisma/enums";
import {
  addInternalNoteAction,
  askCustomerAction,
  assignTicketAction,
  cancelTicketAction,
  moveTicketAction,
} from "@/lib/repairs/desk-actions";
import {
  CANCEL_REASON_MAX_LENGTH,
  REPAIR_MESSAGE_MAX_LENGTH,
  REPAIR_NOTE_MAX_LENGTH,
  ZAskCustomerSchema,
  ZAssignSchema,
  ZMoveSchema,
  ZNoteSchema,
  ZStaffCancelSchema,
} from "@/lib/repairs/schemas";

/**
 * The desk's forms on one ticket. Each shares its zod schema with its action (conventions: One
 * action wrapper); a refusal from the server (a stale page, a move the status table forbids) is
 * shown beside the control and the typed text stays. useActionForm keeps a form busy while it
 * runs, so a double click sends it once.
 */

type Agent = { id: string; label: string };

export function AssignForm({ ticketId, assigneeId, me, agents }: { ticketId: string; assigneeId: string; me: string; agents: Agent[] }) {
  const t = useTranslations("repairs.desk.assign");
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZAssignSchema,
    action: (values) => assignTicketAction({ ...values, ticketId }),
    defaultValues: { ticketId, assigneeId },
    onSuccess: () => toast.success(t("saved")),
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <SelectField label={t("label")} error={fieldError("assigneeId")} {...form.register("assigneeId")}>
        <option value="">{t("nobody")}</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.id === me ? t("me", { name: agent.label }) : agent.label}
          </option>
        ))}
      </SelectField>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="flex flex-wrap gap-2">
        {assigneeId !== me && (
          <Button
            variant="secondary"
            disabled={!canSubmit}
            onClick={() => {
              form.setValue("assigneeId", me);
              void onSubmit();
            }}
          >
            {t("toMe")}
          </Button>
        )}
        <Button type="submit" disabled={!canSubmit}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

export function NoteForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("repairs.desk.note");
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZNoteSchema,
    action: (values) => addInternalNoteAction({ ...values, ticketId }),
    defaultValues: { ticketId, body: "" },
    onSuccess: () => {
      toast.success(t("saved"));
      form.reset({ ticketId, body: "" });
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <TextareaField
        label={t("label")}
        hint={t("hint")}
        rows={3}
        limit={REPAIR_NOTE_MAX_LENGTH}
        error={fieldError("body")}
        {...form.register("body")}
      />
      {formError && <Alert tone="error">{formError}</Alert>}
      <Button type="submit" variant="secondary" disabled={!canSubmit}>
        {t("submit")}
      </Button>
    </form>
  );
}

const OUTCOMES = ["REPAIRED", "REPLACED", "NO_FAULT_FOUND", "NOT_REPAIRED"] as const;

export function MoveForm({ ticketId, from, moves }: { ticketId: string; from: RepairStatus; moves: RepairStatus[] }) {
  const t = useTranslations("repairs.desk");
  const label = useTranslations("repairs.staffLabels");
  type To = "DIAGNOSING" | "REPAIRING" | "SHIPPED_BACK" | "COMPLETED";
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZMoveSchema,
    // `from` is the status this page showed: a ticket moved meanwhile is refused, not moved twice.
    action: (values) => moveTicketAction({ ...values, ticketId, from }),
    defaultValues: { ticketId, from, to: (moves[0] ?? "DIAGNOSING") as To },
    onSuccess: () => toast.success(t("move.saved")),
  });
  const to = form.watch("to");
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <SelectField label={t("move.label")} error={fieldError("to")} {...form.register("to")}>
        {moves.map((move) => (
          <option key={move} value={move}>
            {label(`status.${move}`)}
          </option>
        ))}
      </SelectField>
      {to === "SHIPPED_BACK" && (
        <SelectField
          label={t("move.outcome")}
          error={fieldError("outcome")}
          {...form.register("outcome", { setValueAs: (v) => v || undefined })}
        >
          <option value="">{t("move.outcomeChoose")}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {label(`outcome.${outcome}`)}
            </option>
          ))}
        </SelectField>
      )}
      <Button type="submit" disabled={!canSubmit}>
        {t("move.submit")}
      </Button>
      {formError && <Alert tone="error">{formError}</Alert>}
    </form>
  );
}

export function AskCustomerForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("repairs.desk.ask");
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZAskCustomerSchema,
    action: (values) => askCustomerAction({ ...values, ticketId }),
    defaultValues: { ticketId, message: "" },
    onSuccess: () => {
      toast.success(t("saved"));
      form.reset({ ticketId, message: "" });
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <TextareaField
        label={t("label")}
        hint={t("hint")}
        rows={3}
        limit={REPAIR_MESSAGE_MAX_LENGTH}
        error={fieldError("message")}
        {...form.register("message")}
      />
      {formError && <Alert tone="error">{formError}</Alert>}
      <Button type="submit" variant="secondary" disabled={!canSubmit}>
        {t("submit")}
      </Button>
    </form>
  );
}

export function CancelTicketForm({ ticketId, number }: { ticketId: string; number: string }) {
  const t = useTranslations("repairs.desk.cancel");
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZStaffCancelSchema,
    action: (values) => cancelTicketAction({ ...values, ticketId }),
    defaultValues: { ticketId, reason: "" },
    onSuccess: () => toast.success(t("saved")),
  });
  return (
    <form method="post" onSubmit={(event) => event.preventDefault()} noValidate className="space-y-3">
      <TextareaField
        label={t("label")}
        hint={t("hint")}
        rows={2}
        limit={CANCEL_REASON_MAX_LENGTH}
        error={fieldError("reason")}
        {...form.register("reason")}
      />
      {formError && <Alert tone="error">{formError}</Alert>}
      <ConfirmButton
        label={t("submit")}
        title={t("confirmTitle", { number })}
        body={t("confirmBody")}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
        busy={!canSubmit}
        // The reason is checked before asking, so the dialog never confirms something the server refuses.
        beforeOpen={() => {
          const valid = ZStaffCancelSchema.safeParse({ ticketId, reason: form.getValues("reason") }).success;
          if (!valid) void form.trigger("reason");
          return valid;
        }}
        onConfirm={() => onSubmit()}
      />
    </form>
  );
}
