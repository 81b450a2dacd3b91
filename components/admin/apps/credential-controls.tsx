"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/action";
import { SecretOnce } from "./secret-once";

/**
 * An app's or a webhook's secret and switch: renew the secret (shown once), disable after a
 * confirmation that names it, or enable again. The actions come bound to the record by the page.
 */
export function CredentialControls({
  namespace,
  name,
  disabled,
  renew,
  disable,
  enable,
}: {
  namespace: "apps" | "webhooks";
  name: string;
  disabled: boolean;
  renew: () => Promise<ActionResult<{ secret: string }>>;
  disable: () => Promise<ActionResult<unknown>>;
  enable: () => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations(namespace);
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
              const result = await renew();
              if (result.ok) setSecret(result.data.secret);
              return result;
            }, t("saved"))
          }
        />
        {disabled ? (
          <Button variant="secondary" disabled={busy} onClick={() => run(enable, t("enabled"))}>
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
            onConfirm={() => run(disable, t("disabledDone"))}
          />
        )}
      </div>
    </div>
  );
}
