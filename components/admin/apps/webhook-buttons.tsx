"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { redeliverAction, renewWebhookSecretAction, setWebhookDisabledAction } from "@/lib/webhooks/actions";
import { SecretOnce } from "./secret-once";

export function WebhookButtons({ id, name, disabled }: { id: string; name: string; disabled: boolean }) {
  const t = useTranslations("webhooks");
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
              const result = await renewWebhookSecretAction({ id });
              if (result.ok) setSecret(result.data.secret);
              return result;
            }, t("saved"))
          }
        />
        {disabled ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => run(() => setWebhookDisabledAction({ id, disabled: false }), t("enabled"))}
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
            onConfirm={() => run(() => setWebhookDisabledAction({ id, disabled: true }), t("disabledDone"))}
          />
        )}
      </div>
    </div>
  );
}

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("webhooks");
  const { busy, run } = useActionRunner();
  return (
    <Button variant="secondary" disabled={busy} onClick={() => run(() => redeliverAction({ deliveryId }), t("redelivered"))}>
      {t("redeliver")}
    </Button>
  );
}
