"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { chatEmailChoiceAction } from "@/lib/chat/actions";

/** "Email me when support replies and I have not read it" (saved at once; issue 14 lists it with the other choices). */
export function ChatEmailChoice({ initial }: { initial: boolean }) {
  const t = useTranslations("chat");
  const id = useId();
  const [checked, setChecked] = useState(initial);
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        className="mt-1 h-5 w-5"
        checked={checked}
        disabled={busy}
        onChange={async (event) => {
          const next = event.target.checked;
          setBusy(true);
          const result = await chatEmailChoiceAction({ email: next });
          setBusy(false);
          if (result.ok) {
            setChecked(next);
            toast.success(t(next ? "emailOn" : "emailOff"));
          } else toast.error(result.error.message);
        }}
      />
      <label htmlFor={id} className="text-sm text-slate-800">
        {t("emailChoice")}
      </label>
    </div>
  );
}
