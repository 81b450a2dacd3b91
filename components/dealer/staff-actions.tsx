"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import {
  resendDealerPersonInvitationAction,
  resendShopInvitationAction,
  setDealerPersonDisabledAction,
  setShopStaffDisabledAction,
} from "@/lib/dealers/actions";

/** Disable (after a confirmation: their sessions end at once), enable, or resend an invitation. */
export function StaffActions({
  person,
  asStaffAdmin = false,
}: {
  person: { id: string; name: string; disabled: boolean; invited: boolean };
  asStaffAdmin?: boolean;
}) {
  const t = useTranslations("dealer.staff");
  const { busy, run } = useActionRunner();
  const setDisabled = asStaffAdmin ? setDealerPersonDisabledAction : setShopStaffDisabledAction;
  const resend = asStaffAdmin ? resendDealerPersonInvitationAction : resendShopInvitationAction;
  return (
    <div className="flex flex-wrap gap-2">
      {person.disabled ? (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => run(() => setDisabled({ userId: person.id, disabled: false }), t("enabled"))}
        >
          {t("enable")}
        </Button>
      ) : (
        <ConfirmButton
          label={t("disable")}
          title={t("disableTitle", { name: person.name })}
          body={t("disableBody")}
          confirmLabel={t("disableConfirm")}
          cancelLabel={t("cancel")}
          busy={busy}
          onConfirm={() => run(() => setDisabled({ userId: person.id, disabled: true }), t("disabled"))}
        />
      )}
      {person.invited && !person.disabled && (
        <Button variant="secondary" disabled={busy} onClick={() => run(() => resend({ userId: person.id }), t("resent"))}>
          {t("resend")}
        </Button>
      )}
    </div>
  );
}
