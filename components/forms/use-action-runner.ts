"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/action";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * For buttons that run one server action (no form): runs it, says how it went in a toast and
 * reloads the page's server data. `busy` disables the button meanwhile.
 */
export function useActionRunner() {
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult<unknown>>, done: string) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        const result = await action();
        if (!result.ok) toast.error(result.error.message);
        else toast.success(done);
        router.refresh();
        resolve();
      }),
    );
  return { busy, run };
}
