"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { refreshAnalyticsAction } from "@/lib/analytics/actions";

/** Recount the warranty figures now (a job; reload the page to see its time). */
export function RefreshAnalyticsButton() {
  const t = useTranslations("analytics");
  const { busy, run } = useActionRunner();
  return (
    <Button type="button" variant="secondary" disabled={busy} onClick={() => run(() => refreshAnalyticsAction({}), t("refreshQueued"))}>
      {t("refresh")}
    </Button>
  );
}
