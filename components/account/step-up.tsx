"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { reauthenticateAction } from "@/lib/account/actions";
import type { ActionResult } from "@/lib/action";
import { passkeySignInOptionsAction } from "@/lib/auth/actions";

type Methods = { password: boolean; totp: boolean; passkey: boolean };
type Run = <T>(call: () => Promise<ActionResult<T> | undefined>) => Promise<ActionResult<T> | undefined>;

const StepUpContext = createContext<Run | null>(null);

/**
 * Step-up (ASVS 7.5.1) in the UI: an action refused with STEP_UP_REQUIRED opens a dialog that asks
 * for the password, an authenticator code or a passkey, then runs the action again. The server
 * decides; this only makes the second try painless.
 */
export function StepUpProvider({ methods, children }: { methods: Methods; children: ReactNode }) {
  const t = useTranslations("stepUp");
  const dialog = useRef<HTMLDialogElement>(null);
  const pending = useRef<((ok: boolean) => void) | null>(null);
  const [kind, setKind] = useState<"password" | "totp">(methods.password ? "password" : "totp");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const finish = (ok: boolean) => {
    dialog.current?.close();
    pending.current?.(ok);
    pending.current = null;
  };

  const run: Run = useCallback(async (call) => {
    const first = await call();
    if (!first || first.ok || first.error.code !== "STEP_UP_REQUIRED") return first;
    const confirmed = await new Promise<boolean>((resolve) => {
      pending.current = resolve;
      setValue("");
      setError(undefined);
      dialog.current?.showModal();
    });
    return confirmed ? call() : first;
  }, []);

  const submit = async (proof: Parameters<typeof reauthenticateAction>[0]) => {
    setBusy(true);
    setError(undefined);
    const result = await reauthenticateAction(proof);
    setBusy(false);
    if (result && !result.ok) setError(Object.values(result.error.fieldErrors ?? {})[0] ?? result.error.message);
    else finish(true);
  };

  const withPasskey = async () => {
    const options = await passkeySignInOptionsAction({});
    if (!options.ok) return setError(options.error.message);
    try {
      const response = await startAuthentication(options.data);
      await submit({ kind: "passkey", response: response as never });
    } catch {
      setError(t("passkeyCancelled"));
    }
  };

  return (
    <StepUpContext.Provider value={run}>
      {children}
      <dialog
        ref={dialog}
        aria-labelledby="step-up-title"
        onCancel={() => finish(false)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form
          className="space-y-4 p-6"
          onSubmit={(event) => {
            event.preventDefault();
            void submit(kind === "password" ? { kind, password: value } : { kind, code: value });
          }}
        >
          <h2 id="step-up-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-700">{t("lead")}</p>
          {error && <Alert tone="error">{error}</Alert>}
          {(methods.password || methods.totp) && (
            <FormField
              key={kind}
              label={kind === "password" ? t("password") : t("totp")}
              type={kind === "password" ? "password" : "text"}
              inputMode={kind === "password" ? undefined : "numeric"}
              autoComplete={kind === "password" ? "current-password" : "one-time-code"}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoFocus
            />
          )}
          <div className="flex flex-wrap gap-2">
            {(methods.password || methods.totp) && (
              <Button type="submit" disabled={busy}>
                {busy ? t("checking") : t("confirm")}
              </Button>
            )}
            {methods.passkey && (
              <Button variant="secondary" disabled={busy} onClick={() => void withPasskey()}>
                {t("usePasskey")}
              </Button>
            )}
            {methods.password && methods.totp && (
              <Button variant="ghost" onClick={() => setKind(kind === "password" ? "totp" : "password")}>
                {kind === "password" ? t("useTotp") : t("usePassword")}
              </Button>
            )}
            <Button variant="ghost" onClick={() => finish(false)}>
              {t("cancel")}
            </Button>
          </div>
          {!methods.password && !methods.totp && !methods.passkey && <p className="text-sm">{t("noMethod")}</p>}
        </form>
      </dialog>
    </StepUpContext.Provider>
  );
}

export function useStepUp(): Run {
  const run = useContext(StepUpContext);
  if (!run) throw new Error("useStepUp needs a StepUpProvider");
  return run;
}
