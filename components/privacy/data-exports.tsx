"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { useActionRunner } from "@/components/forms/use-action-runner";
import { Button } from "@/components/ui/button";
import { requestDataExportAction } from "@/lib/privacy/actions";
import { useRouter } from "@/lib/i18n/navigation";

export type ExportRow = {
  id: string;
  status: "QUEUED" | "RUNNING" | "READY" | "FAILED";
  progress: number;
  requestedAt: string;
  expiresAt: string | null;
  byteSize: number | null;
  available: boolean;
};

/**
 * The customer's exports: ask for one, watch its progress (the page's data is reloaded every two
 * seconds while one is being made), download it while it is kept.
 */
export function DataExports({ exports }: { exports: ExportRow[] }) {
  const t = useTranslations("privacyData");
  const format = useFormatter();
  const router = useRouter();
  const { busy, run } = useActionRunner();
  const working = exports.some((row) => row.status === "QUEUED" || row.status === "RUNNING");
  // While an export is being made, reload the server data now and then (stops when none is).
  const { dataUpdatedAt } = useQuery({
    queryKey: ["privacy", "exports", "poll"],
    queryFn: () => Date.now(),
    refetchInterval: working ? 2000 : false,
    enabled: working,
  });
  useEffect(() => {
    if (working && dataUpdatedAt) router.refresh();
  }, [dataUpdatedAt, working, router]);

  return (
    <div className="space-y-4">
      <Button disabled={busy || working} onClick={() => run(() => requestDataExportAction({}), t("requested"))}>
        {working ? t("working") : t("request")}
      </Button>
      {exports.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {exports.map((row) => (
            <li key={row.id} className="space-y-2 py-3">
              <p className="text-sm text-slate-700">
                {t("requestedAt", { date: format.dateTime(new Date(row.requestedAt), { dateStyle: "medium", timeStyle: "short" }) })}
              </p>
              {row.status === "QUEUED" || row.status === "RUNNING" ? (
                <div className="space-y-1">
                  <progress className="h-2 w-full max-w-sm" max={100} value={row.progress} aria-label={t("progressLabel")} />
                  <p className="text-sm" aria-live="polite">
                    {t("progress", { percent: row.progress })}
                  </p>
                </div>
              ) : row.available ? (
                <p className="flex flex-wrap items-center gap-3">
                  <a
                    href={`/api/privacy/exports/${row.id}`}
                    className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
                    download
                  >
                    {t("download", { size: format.number((row.byteSize ?? 0) / 1024, { maximumFractionDigits: 0 }) })}
                  </a>
                  {row.expiresAt && (
                    <span className="text-sm text-slate-600">
                      {t("until", { date: format.dateTime(new Date(row.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}
                    </span>
                  )}
                </p>
              ) : (
                <p className="text-sm text-slate-600">{row.status === "FAILED" ? t("failed") : t("expired")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
