"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { revokeConnectedAppAction } from "@/lib/oidc/actions";

/** Revoke an app's access after a confirmation that names it (Connected apps). */
export function RevokeAppButton({ grantKey, name }: { grantKey: string; name: string }) {
  const t = useTranslations("connectedApps");
  const { busy, run } = useActionRunner();
  return (
    <ConfirmButton
      label={t("revoke")}
      title={t("revokeTitle", { name })}
      body={t("revokeBody")}
      confirmLabel={t("revokeConfirm")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() => run(() => revokeConnectedAppAction({ key: grantKey }), t("revoked", { name }))}
    />
  );
}
