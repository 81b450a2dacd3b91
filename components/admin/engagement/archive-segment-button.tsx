"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useRouter } from "@/lib/i18n/navigation";
import { archiveSegmentAction } from "@/lib/segments/actions";

/** Archive a segment, after a confirmation; campaigns sent to it keep their record. */
export function ArchiveSegmentButton({ segmentId }: { segmentId: string }) {
  const t = useTranslations("engagement.segments");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <ConfirmButton
      label={t("archive")}
      title={t("archiveTitle")}
      body={t("archiveDescription")}
      confirmLabel={t("archive")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={async () => {
        setBusy(true);
        const result = await archiveSegmentAction({ segmentId });
        setBusy(false);
        if (!result.ok) return void toast.error(result.error.message);
        toast.success(t("archived"));
        router.push("/admin/engagement/segments");
      }}
    />
  );
}
