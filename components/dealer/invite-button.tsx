"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { sendInvitationAction } from "@/lib/dealers/actions";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * Send the buyer a registration invitation. The dealer confirms that the buyer agreed at the till:
 * the email goes to an address the shop wrote down, so the agreement is asked each time.
 */
export function InviteButton({ saleId, email }: { saleId: string; email: string }) {
  const t = useTranslations("dealer.sales");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      const result = await sendInvitationAction({ saleId, agreed });
      if (!result.ok) {
        setError(result.error.fieldErrors?.agreed ?? result.error.message);
        return;
      }
      dialog.current?.close();
      toast.success(t("invitationSent"));
      router.refresh();
    });
  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        {t("invite")}
      </Button>
      <ModalDialog ref={dialog} title={t("inviteTitle")}>
        <p className="text-sm text-slate-700">{t("inviteBody", { email })}</p>
        <CheckboxField label={t("agreedAtTill")} checked={agreed} onChange={(event) => setAgreed(event.target.checked)} error={error} />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </Button>
          <Button onClick={send} disabled={busy}>
            {busy ? t("sending") : t("send")}
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}
