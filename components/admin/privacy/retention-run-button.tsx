"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import { runRetentionAction } from "@/lib/privacy/actions";

/** Start the retention job now; while a run is unfinished the page reloads its data every two seconds. */
export function RetentionRunButton({ running }: { running: boolean }) {
  const t = useTranslations("retention");
  const router = useRouter();
  const { busy, run } = useActionRunner();
  const { dataUpdatedAt } = useQuery({
    queryKey: ["retention", "runs", "poll"],
    queryFn: () => Date.now(),
    refetchInterval: running ? 2000 : false,
    enabled: running,
  });
  useEffect(() => {
    if (running && dataUpdatedAt) router.refresh();
  }, [dataUpdatedAt, running, router]);
  return (
    <Button disabled={busy || running} onClick={() => run(() => runRetentionAction({}), t("started"))}>
      {running ? t("running") : t("runNow")}
    </Button>
  );
}
