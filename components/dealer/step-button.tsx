"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { recordDealerStepAction } from "@/lib/dealers/actions";
import type { DealerRepairStep } from "@/lib/generated/prisma/enums";

/** Record the shop's next step of a drop-off (the customer sees it on their timeline). */
export function DealerStepButton({ ticketId, step }: { ticketId: string; step: DealerRepairStep }) {
  const t = useTranslations("dealer.repairs");
  const { busy, run } = useActionRunner();
  return (
    <Button disabled={busy} onClick={() => run(() => recordDealerStepAction({ ticketId, step }), t(`stepDone.${step}`))}>
      {t(`stepAction.${step}`)}
    </Button>
  );
}
