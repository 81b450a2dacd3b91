"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Button } from "@/components/ui/button";
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
  const titleId = `invite-${useId()}`;
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
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {t("inviteTitle")}
          </h2>
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
        </div>
      </dialog>
    </>
  );
}
