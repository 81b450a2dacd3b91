"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { errorMessageOf, uploadWithProgress } from "@/components/files/upload-request";
import { Alert } from "@/components/ui/alert";
import { FieldFrame, useFieldIds } from "@/components/ui/field-frame";
import { useRouter } from "@/lib/i18n/navigation";
import { TableScroll } from "@/components/ui/table-scroll";

type ImportStatus = {
  id: string;
  fileName: string;
  status: "RUNNING" | "FAILED" | "DONE";
  totalRows: number;
  processedRows: number;
  importedRows: number;
  errorCount: number;
  errors: { line: number; problem: string; value?: string }[] | null;
};

/**
 * Serial-registry CSV import: the upload shows its progress, then the import's own progress is
 * polled until it is done or has failed; a failure lists every bad row and imports nothing.
 */
export function RegistryImportPanel() {
  const t = useTranslations("registry");
  const locale = useLocale();
  const ids = useFieldIds(undefined, t("fileHint"));
  const inputId = ids.fieldId;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string>();
  const [importId, setImportId] = useState<string | null>(null);

  const status = useQuery({
    queryKey: ["registry-import", importId],
    enabled: importId !== null,
    queryFn: async (): Promise<ImportStatus> => {
      const response = await fetch(`/api/registry-imports/${importId}`, { cache: "no-store", headers: { "x-portal-locale": locale } });
      if (!response.ok) throw new Error(t("pollFailed"));
      const body = (await response.json()) as ImportStatus;
      if (body.status !== "RUNNING") router.refresh();
      return body;
    },
    refetchInterval: (query) => (query.state.data?.status === "RUNNING" || !query.state.data ? 700 : false),
    staleTime: 0,
  });

  const start = (file: File) => {
    setUploadError(undefined);
    setImportId(null);
    setUploadPercent(0);
    uploadWithProgress(`/api/registry-imports?name=${encodeURIComponent(file.name)}`, file, setUploadPercent, locale)
      .promise.then(({ status: code, body }) => {
        setUploadPercent(null);
        if (code === 202 && typeof body.id === "string") {
          void queryClient.removeQueries({ queryKey: ["registry-import"] });
          setImportId(body.id);
        } else setUploadError(errorMessageOf(body) ?? t("uploadFailed"));
      })
      .catch(() => {
        setUploadPercent(null);
        setUploadError(t("uploadFailed"));
      });
  };

  const data = status.data;
  const busy = uploadPercent !== null || data?.status === "RUNNING" || (importId !== null && !data);
  const processedShare = data && data.totalRows > 0 ? Math.min(100, Math.round((data.processedRows / data.totalRows) * 100)) : 0;

  return (
    <div className="space-y-4">
      <FieldFrame ids={ids} label={t("file")} hint={t("fileHint")}>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          aria-describedby={ids.describedBy}
          className="min-h-11 rounded-md border border-dashed border-slate-400 bg-white p-2 text-sm"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) start(file);
            event.target.value = "";
          }}
        />
      </FieldFrame>
      {uploadError && <Alert tone="error">{uploadError}</Alert>}
      {uploadPercent !== null && (
        <div className="space-y-1">
          <p id={`${inputId}-upload`} className="text-sm">{t("uploading", { percent: uploadPercent })}</p>
          <progress max={100} value={uploadPercent} aria-labelledby={`${inputId}-upload`} className="h-2 w-full" />
        </div>
      )}
      {importId && !data && <p className="text-sm">{t("starting")}</p>}
      {data?.status === "RUNNING" && (
        <div className="space-y-1">
          <p id={`${inputId}-progress`} className="text-sm">
            {t("checking", { processed: data.processedRows, total: data.totalRows })}
          </p>
          <progress max={100} value={processedShare} aria-labelledby={`${inputId}-progress`} className="h-2 w-full" />
        </div>
      )}
      {data?.status === "DONE" && <Alert tone="success">{t("done", { count: data.importedRows, file: data.fileName })}</Alert>}
      {data?.status === "FAILED" && (
        <div className="space-y-3">
          <Alert tone="error">{t("failed", { count: data.errorCount, file: data.fileName })}</Alert>
          <TableScroll label={t("errorsCaption")} className="max-h-96 overflow-y-auto rounded border border-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("errorsCaption")}</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("line")}</th>
                  <th scope="col" className="px-3 py-2">{t("problem")}</th>
                  <th scope="col" className="px-3 py-2">{t("value")}</th>
                </tr>
              </thead>
              <tbody>
                {(data.errors ?? []).map((error, index) => (
                  <tr key={`${error.line}-${index}`} className="border-t border-slate-100">
                    <td className="px-3 py-1.5 font-mono">{error.line}</td>
                    <td className="px-3 py-1.5">{t.has(`problems.${error.problem}` as never) ? t(`problems.${error.problem}` as never) : error.problem}</td>
                    <td className="px-3 py-1.5 font-mono">{error.value ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {data.errorCount > (data.errors?.length ?? 0) && <p className="text-sm">{t("moreErrors", { shown: data.errors?.length ?? 0 })}</p>}
        </div>
      )}
    </div>
  );
}
