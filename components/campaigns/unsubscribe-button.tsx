"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { unsubscribeAction } from "@/lib/campaigns/actions";

/** One click withdraws the consent; the page then says so. */
export function UnsubscribeButton({ token, done: initiallyDone }: { token: string; done: boolean }) {
  const t = useTranslations("unsubscribe");
  const [done, setDone] = useState(initiallyDone);
  const [error, setError] = useState<string>();
  const [busy, startTransition] = useTransition();
  if (done) return <Alert tone="success">{t("done")}</Alert>;
  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <Button
        type="button"
        disabled={busy}
        onClick={() =>
          startTransition(async () => {
            const result = await unsubscribeAction({ token });
            if (result.ok) setDone(true);
            else setError(result.error.message);
          })
        }
      >
        {busy ? t("working") : t("button")}
      </Button>
    </div>
  );
}
