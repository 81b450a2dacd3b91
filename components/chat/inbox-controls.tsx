"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { assignConversationAction, conversationStatusAction } from "@/lib/chat/actions";
import { ZAssignSchema, ZStatusSchema } from "@/lib/chat/schemas";
import { useRouter } from "@/lib/i18n/navigation";
import { useHydrated } from "@/components/forms/use-hydrated";
import { subscribeNews } from "./chat-client";

type Agent = { id: string; label: string };

/** Who holds the conversation; "Assign to me" in one click. */
export function ConversationAssignForm({
  conversationId,
  assigneeId,
  me,
  agents,
}: {
  conversationId: string;
  assigneeId: string;
  me: string;
  agents: Agent[];
}) {
  const t = useTranslations("chat.inbox");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZAssignSchema,
    action: assignConversationAction,
    defaultValues: { conversationId, assigneeId },
    onSuccess: () => {
      toast.success(t("assignSaved"));
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <SelectField label={t("assignLabel")} error={fieldError("assigneeId")} {...form.register("assigneeId")}>
        <option value="">{t("nobody")}</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.id === me ? t("me", { name: agent.label }) : agent.label}
          </option>
        ))}
      </SelectField>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="flex flex-wrap gap-2">
        {assigneeId !== me && (
          <Button
            variant="secondary"
            disabled={!canSubmit}
            onClick={() => {
              form.setValue("assigneeId", me);
              void onSubmit();
            }}
          >
            {t("toMe")}
          </Button>
        )}
        <Button type="submit" disabled={!canSubmit}>
          {t("assignSubmit")}
        </Button>
      </div>
    </form>
  );
}

export function ConversationStatusForm({
  conversationId,
  status,
}: {
  conversationId: string;
  status: "OPEN" | "WAITING_FOR_CUSTOMER" | "CLOSED";
}) {
  const t = useTranslations("chat");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZStatusSchema,
    action: conversationStatusAction,
    defaultValues: { conversationId, status },
    onSuccess: () => {
      toast.success(t("inbox.statusSaved"));
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <SelectField label={t("inbox.statusLabel")} error={fieldError("status")} {...form.register("status")}>
        {(["OPEN", "WAITING_FOR_CUSTOMER", "CLOSED"] as const).map((value) => (
          <option key={value} value={value}>
            {t(`staffStatus.${value}`)}
          </option>
        ))}
      </SelectField>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Button type="submit" disabled={!canSubmit}>
        {t("inbox.statusSubmit")}
      </Button>
    </form>
  );
}

/**
 * The page follows the stream: the inbox re-reads on any news, a conversation's page when that
 * conversation changes (assignment, status), at most every 2 s.
 */
export function InboxLive({ conversationId }: { conversationId?: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const stop = subscribeNews((news) => {
      if (conversationId && (news.kind !== "conversation" || news.conversationId !== conversationId)) return;
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, 2_000);
    });
    return () => {
      stop();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [router, conversationId]);
  return null;
}

/** Asks the browser for notifications of new messages in the agent's own conversations. */
export function NotificationSwitch() {
  const t = useTranslations("chat.inbox");
  const hydrated = useHydrated();
  // Bumped after the browser answers, so the current permission is read again.
  const [, setAsked] = useState(0);
  if (!hydrated || typeof Notification === "undefined") return null;
  const permission = Notification.permission;
  if (permission === "granted") return <p className="text-sm text-slate-700">{t("notifyOn")}</p>;
  if (permission === "denied") return <p className="text-sm text-slate-700">{t("notifyDenied")}</p>;
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        await Notification.requestPermission();
        setAsked((count) => count + 1);
      }}
    >
      {t("notifyEnable")}
    </Button>
  );
}
