"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { renewClientSecretAction, rotateSigningKeyAction, setClientDisabledAction } from "@/lib/oidc/actions";
import { SecretOnce } from "./secret-once";

/** Renew an app's secret (shown once), disable it or enable it again. */
export function ClientButtons({ id, name, disabled }: { id: string; name: string; disabled: boolean }) {
  const t = useTranslations("apps");
  const { busy, run } = useActionRunner();
  const [secret, setSecret] = useState<string>();
  return (
    <div className="space-y-3">
      {secret && <SecretOnce title={t("secretTitle")} note={t("secretOnce")} secret={secret} />}
      <div className="flex flex-wrap gap-2">
        <ConfirmButton
          label={t("renewSecret")}
          title={t("renewTitle")}
          body={t("renewBody")}
          confirmLabel={t("renewConfirm")}
          cancelLabel={t("cancel")}
          busy={busy}
          onConfirm={() =>
            run(async () => {
              const result = await renewClientSecretAction({ id });
              if (result.ok) setSecret(result.data.secret);
              return result;
            }, t("saved"))
          }
        />
        {disabled ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => run(() => setClientDisabledAction({ id, disabled: false }), t("enabled"))}
          >
            {t("enable")}
          </Button>
        ) : (
          <ConfirmButton
            label={t("disable")}
            title={t("disableTitle", { name })}
            body={t("disableBody")}
            confirmLabel={t("disableConfirm")}
            cancelLabel={t("cancel")}
            busy={busy}
            onConfirm={() => run(() => setClientDisabledAction({ id, disabled: true }), t("disabledDone"))}
          />
        )}
      </div>
    </div>
  );
}

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
