"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { rotateSigningKeyAction } from "@/lib/oidc/actions";

/** A new signing key, after a confirmation. */
export function RotateKeyButton() {
  const t = useTranslations("apps");
  const { busy, run } = useActionRunner();
  return (
    <ConfirmButton
      label={t("rotate")}
      title={t("rotateTitle")}
      body={t("rotateBody")}
      confirmLabel={t("rotateConfirm")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() => run(() => rotateSigningKeyAction({}), t("rotated"))}
    />
  );
}
