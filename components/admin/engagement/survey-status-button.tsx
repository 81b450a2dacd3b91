"use client";

import { useTranslations } from "next-intl";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { setSurveyStatusAction } from "@/lib/surveys/actions";

/** Open a draft (its questions are fixed from then on) or close an open survey, after a confirmation. */
export function SurveyStatusButton({ surveyId, status }: { surveyId: string; status: "DRAFT" | "OPEN" }) {
  const t = useTranslations("engagement.surveys");
  const { busy, run } = useActionRunner();
  const next = status === "DRAFT" ? "OPEN" : "CLOSED";
  return (
    <ConfirmButton
      label={t(next === "OPEN" ? "open" : "close")}
      title={t(next === "OPEN" ? "openTitle" : "closeTitle")}
      body={t(next === "OPEN" ? "openBody" : "closeBody")}
      confirmLabel={t(next === "OPEN" ? "open" : "close")}
      cancelLabel={t("cancel")}
      busy={busy}
      onConfirm={() => run(() => setSurveyStatusAction({ surveyId, status: next }), t(next === "OPEN" ? "opened" : "closed"))}
    />
  );
}
