"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { setNotificationChoiceAction } from "@/lib/privacy/actions";

/** One kind's email choice as a switch; saved as soon as it changes. A locked kind shows why instead. */
export function NotificationSwitch({ kind, label, email, locked }: { kind: string; label: string; email: boolean; locked: boolean }) {
  const t = useTranslations("privacyNotifications");
  const { busy, run } = useActionRunner();
  // Shown at once; the page's data (reloaded after the action) then holds what was saved.
  const [on, setOn] = useState(email);
  return (
    <label className="flex min-h-11 items-center gap-3">
      <input
        type="checkbox"
        role="switch"
        className="size-5 accent-brand-600"
        checked={locked || on}
        disabled={locked || busy}
        aria-describedby={locked ? `${kind}-locked` : undefined}
        onChange={(event) => {
          const next = event.currentTarget.checked;
          setOn(next);
          void run(() => setNotificationChoiceAction({ kind, email: next }), t(next ? "turnedOn" : "turnedOff", { kind: label }));
        }}
      />
      <span className="text-sm">{t("email")}</span>
    </label>
  );
}
