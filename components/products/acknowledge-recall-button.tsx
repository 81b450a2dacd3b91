"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { acknowledgeRecallAction } from "@/lib/products/actions";
import { useRouter } from "@/lib/i18n/navigation";

export function AcknowledgeRecallButton({ noticeId }: { noticeId: string }) {
  const t = useTranslations("recalls");
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  return (
    <Button
      disabled={busy}
      onClick={() =>
        startTransition(async () => {
          const result = await acknowledgeRecallAction({ noticeId });
          if (!result.ok) return void toast.error(result.error.message);
          toast.success(t("acknowledged"));
          router.refresh();
        })
      }
    >
      {t("acknowledge")}
    </Button>
  );
}
