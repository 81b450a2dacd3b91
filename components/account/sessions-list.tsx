"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { revokeOtherSessionsAction, revokeSessionAction } from "@/lib/account/actions";
import type { SessionListItem } from "@/lib/auth/session-list";

export function SessionsList({ sessions }: { sessions: SessionListItem[] }) {
  const t = useTranslations("sessions");
  const format = useFormatter();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const others = sessions.filter((session) => !session.current).length;

  const act = (call: () => Promise<{ ok: boolean; error?: { message: string } } | undefined>, done: string) =>
    startTransition(async () => {
      setError(undefined);
      const result = await call();
      if (result && !result.ok) return setError(result.error?.message);
      toast.success(done);
      router.refresh();
    });

  return (
    <div className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="divide-y divide-slate-100">
        {sessions.map((session) => {
          const device = [session.browser, session.os].filter(Boolean).join(" · ") || t("unknownDevice");
          return (
            <li key={session.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="space-y-0.5">
                <p className="font-medium">
                  {device}{" "}
                  {session.current && (
                    <span className="ml-1 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-900">{t("thisDevice")}</span>
                  )}
                </p>
                <p className="text-sm text-slate-700">
                  {t("place")}: {session.place === "local" ? t("localNetwork") : (session.place ?? t("unknownPlace"))} ·{" "}
                  {t(`method_${session.method.startsWith("oidc") ? "oidc" : session.method}` as "method_password")}
                </p>
                <p className="text-sm text-slate-600">
                  {t("lastSeen", { date: format.dateTime(session.lastSeenAt, { dateStyle: "medium", timeStyle: "short" }) })} ·{" "}
                  {t("signedInAt", { date: format.dateTime(session.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
              </div>
              {!session.current && (
                <Button
                  variant="secondary"
                  disabled={pending}
                  aria-label={t("revokeNamed", { device })}
                  onClick={() => act(() => revokeSessionAction({ id: session.id }), t("revoked"))}
                >
                  {t("revoke")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {others > 0 && (
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t("revokeOthersConfirm", { count: others }))) act(() => revokeOtherSessionsAction({}), t("revokedOthers"));
          }}
        >
          {t("revokeOthers")}
        </Button>
      )}
    </div>
  );
}
