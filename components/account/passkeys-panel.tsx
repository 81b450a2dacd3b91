"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useWebAuthnSupport } from "@/components/auth/use-webauthn-support";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { passkeyRegistrationOptionsAction, registerPasskeyAction, removePasskeyAction } from "@/lib/account/actions";
import { useStepUp } from "./step-up";

type PasskeyItem = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export function PasskeysPanel({ passkeys }: { passkeys: PasskeyItem[] }) {
  const t = useTranslations("passkeys");
  const format = useFormatter();
  const router = useRouter();
  const stepUp = useStepUp();
  const supported = useWebAuthnSupport();
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const add = () =>
    startTransition(async () => {
      setError(undefined);
      const label = name.trim() || t("defaultName");
      const options = await stepUp(() => passkeyRegistrationOptionsAction({}));
      if (!options?.ok) return setError(options?.error.message);
      let response;
      try {
        response = await startRegistration(options.data);
      } catch {
        return setError(t("cancelled"));
      }
      const result = await registerPasskeyAction({ name: label, response: response as never });
      if (result && !result.ok) return setError(result.error.message);
      setName("");
      toast.success(t("added"));
      router.refresh();
    });

  const remove = (passkey: PasskeyItem) =>
    startTransition(async () => {
      if (!window.confirm(t("removeConfirm", { name: passkey.name }))) return;
      const result = await stepUp(() => removePasskeyAction({ id: passkey.id }));
      if (result && !result.ok) return setError(result.error.message);
      router.refresh();
    });

  return (
    <div className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      {passkeys.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium">{passkey.name}</p>
                <p className="text-sm text-slate-600">
                  {t("addedAt", { date: format.dateTime(passkey.createdAt, { dateStyle: "medium" }) })}
                  {passkey.lastUsedAt &&
                    ` · ${t("lastUsed", { date: format.dateTime(passkey.lastUsedAt, { dateStyle: "medium", timeStyle: "short" }) })}`}
                </p>
              </div>
              <Button
                variant="ghost"
                disabled={pending}
                onClick={() => remove(passkey)}
                aria-label={t("removeNamed", { name: passkey.name })}
              >
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {supported ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <FormField
              label={t("nameLabel")}
              placeholder={t("defaultName")}
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={60}
            />
          </div>
          <Button disabled={pending} onClick={add}>
            {pending ? t("adding") : t("add")}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("unsupported")}</p>
      )}
    </div>
  );
}
