"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { confirmTotpAction, disableTotpAction, renewRecoveryCodesAction, startTotpAction } from "@/lib/account/actions";
import { ZTotpCodeSchema } from "@/lib/auth/schemas";
import { RecoveryCodesView } from "./recovery-codes-view";
import { useStepUp } from "./step-up";

type Setup = { secret: string; qrSvg: string };

/** Authenticator-app second factor: enrol (QR code, confirm a code, recovery codes), renew codes, turn off. */
export function TwoFactorPanel({ enabled, canDisable, remainingCodes }: { enabled: boolean; canDisable: boolean; remainingCodes: number }) {
  const t = useTranslations("twoFactor");
  const router = useRouter();
  const stepUp = useStepUp();
  const [setup, setSetup] = useState<Setup>();
  const [codes, setCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZTotpCodeSchema,
    action: (input) => stepUp(() => confirmTotpAction(input)),
    defaultValues: { code: "" },
    onSuccess: (data) => {
      setSetup(undefined);
      setCodes(data.recoveryCodes);
    },
  });

  const call = (action: () => Promise<unknown>) =>
    startTransition(async () => {
      setError(undefined);
      await action();
    });

  if (codes)
    return (
      <RecoveryCodesView
        codes={codes}
        onDone={() => {
          setCodes(undefined);
          router.refresh();
        }}
      />
    );

  if (setup) {
    return (
      <div className="space-y-4">
        <ol className="list-decimal space-y-2 pl-5 text-sm">
          <li>{t("step1")}</li>
          <li>{t("step2")}</li>
        </ol>
        {/* The SVG comes from the qrcode library on the server, made from our own otpauth URI. */}
        <div
          className="w-48 rounded-md border border-slate-200 bg-white p-2"
          role="img"
          aria-label={t("qrLabel")}
          dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
        />
        <p className="text-sm">
          {t("manualKey")}{" "}
          <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="totp-secret">
            {setup.secret}
          </code>
        </p>
        <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            {formError && <Alert tone="error">{formError}</Alert>}
            <FormField
              label={t("codeLabel")}
              inputMode="numeric"
              autoComplete="one-time-code"
              error={fieldError("code")}
              {...form.register("code")}
            />
          </div>
          <Button type="submit" disabled={!canSubmit}>
            {t("confirm")}
          </Button>
        </form>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <p>{enabled ? t("statusOn") : t("statusOff")}</p>
      {enabled && <p className="text-sm text-slate-700">{t("remainingCodes", { count: remainingCodes })}</p>}
      <div className="flex flex-wrap gap-2">
        {!enabled && (
          <Button
            disabled={pending}
            onClick={() =>
              call(async () => {
                const result = await stepUp(() => startTotpAction({}));
                if (result?.ok) setSetup(result.data);
                else if (result) setError(result.error.message);
              })
            }
          >
            {t("enable")}
          </Button>
        )}
        {enabled && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              call(async () => {
                const result = await stepUp(() => renewRecoveryCodesAction({}));
                if (result?.ok) setCodes(result.data.recoveryCodes);
                else if (result) setError(result.error.message);
              })
            }
          >
            {t("renewCodes")}
          </Button>
        )}
        {enabled && canDisable && (
          <Button
            variant="ghost"
            disabled={pending}
            onClick={() =>
              call(async () => {
                if (!window.confirm(t("disableConfirm"))) return;
                const result = await stepUp(() => disableTotpAction({}));
                if (result && !result.ok) setError(result.error.message);
                else router.refresh();
              })
            }
          >
            {t("disable")}
          </Button>
        )}
      </div>
    </div>
  );
}
