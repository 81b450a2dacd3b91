"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { archiveAttributeAction } from "@/lib/profiling/actions";

/** Stop asking an attribute (answers stay, theirs to remove), or ask it again. */
export function ArchiveAttributeButton({ attributeId, archived }: { attributeId: string; archived: boolean }) {
  const t = useTranslations("engagement.attributes");
  const { busy, run } = useActionRunner();
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">{archived ? t("restoreHint") : t("archiveHint")}</p>
      <Button
        type="button"
        variant="secondary"
        disabled={busy}
        onClick={() => run(() => archiveAttributeAction({ attributeId, archive: !archived }), archived ? t("restored") : t("archivedDone"))}
      >
        {archived ? t("restore") : t("archive")}
      </Button>
    </div>
  );
}
