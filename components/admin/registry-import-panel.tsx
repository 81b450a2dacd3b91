"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { errorMessageOf, uploadWithProgress } from "@/components/files/upload-request";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldFrame, useFieldIds } from "@/components/ui/field-frame";
import { DataTable } from "@/components/ui/data-table";
import { useRouter } from "@/lib/i18n/navigation";

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

type RowError = { line: number; problem: string; value?: string };

type Preview = {
  fileName: string;
  totalRows: number;
  importableRows: number;
  firstRows: { line: number; serial: string; modelCode: string; manufacturedOn: string; lot: string | null }[];
  errors: RowError[];
  errorCount: number;
};

/**
 * Serial-registry CSV import in two steps: choosing a file only checks it (a preview with the row
 * count, the first rows and every problem of every row); the import starts when the admin
 * confirms. The upload shows its progress, then the import's own progress is polled until it is
 * done or has failed; a failure lists every problem and imports nothing.
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
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  /** Whether the upload under way is the check (then the server reads the file before answering). */
  const [checking, setChecking] = useState(false);

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

  /** Step 1: the server checks the file and writes nothing. */
  const check = (chosen: File) => {
    setUploadError(undefined);
    setImportId(null);
    setPreview(null);
    setFile(chosen);
    setChecking(true);
    setUploadPercent(0);
    uploadWithProgress("/api/registry-imports/preview", chosen, setUploadPercent, locale)
      .promise.then(({ status: code, body }) => {
        setUploadPercent(null);
        if (code === 200 && typeof body.totalRows === "number")
          setPreview({ ...(body as Omit<Preview, "fileName">), fileName: chosen.name });
        else setUploadError(errorMessageOf(body) ?? t("uploadFailed"));
      })
      .catch(() => {
        setUploadPercent(null);
        setUploadError(t("uploadFailed"));
      });
  };

  /** Step 2, after the admin confirmed: the same file again, now imported (and checked again). */
  const start = (file: File) => {
    setUploadError(undefined);
    setImportId(null);
    setPreview(null);
    setChecking(false);
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
            const chosen = event.target.files?.[0];
            if (chosen) check(chosen);
            event.target.value = "";
          }}
        />
      </FieldFrame>
      {uploadError && <Alert tone="error">{uploadError}</Alert>}
      {preview && file && (
        <RegistryPreview
          preview={preview}
          onImport={() => start(file)}
          onCancel={() => {
            setPreview(null);
            setFile(null);
          }}
        />
      )}
      {uploadPercent !== null && (
        <div className="space-y-1">
          <p id={`${inputId}-upload`} className="text-sm">
            {checking && uploadPercent === 100 ? t("previewing") : t("uploading", { percent: uploadPercent })}
          </p>
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
          <RegistryErrors errors={data.errors ?? []} errorCount={data.errorCount} />
        </div>
      )}
    </div>
  );
}

/** What the file holds and what is wrong with it; the import button only when nothing is. */
function RegistryPreview({ preview, onImport, onCancel }: { preview: Preview; onImport: () => void; onCancel: () => void }) {
  const t = useTranslations("registry");
  return (
    <section aria-labelledby="registry-preview-title" className="space-y-3 rounded border border-slate-200 p-3">
      <h3 id="registry-preview-title" className="font-semibold [overflow-wrap:anywhere]">
        {t("previewTitle", { file: preview.fileName })}
      </h3>
      <p className="text-sm">{t("previewRows", { count: preview.totalRows })}</p>
      {preview.firstRows.length > 0 && <PreviewRows rows={preview.firstRows} />}
      {preview.errorCount === 0 ? (
        <Alert tone="success">{t("previewOk", { count: preview.importableRows })}</Alert>
      ) : (
        <>
          <Alert tone="error">{t("previewProblems", { count: preview.errorCount })}</Alert>
          <RegistryErrors errors={preview.errors} errorCount={preview.errorCount} />
        </>
      )}
      <div className="flex flex-wrap gap-2">
        {preview.errorCount === 0 && preview.importableRows > 0 && <Button onClick={onImport}>{t("confirmImport")}</Button>}
        <Button variant="secondary" onClick={onCancel}>
          {t("chooseAnother")}
        </Button>
      </div>
    </section>
  );
}

/** The first rows of the file as they will be imported. */
function PreviewRows({ rows }: { rows: Preview["firstRows"] }) {
  const t = useTranslations("registry");
  const columns = useMemo(
    () => [
      { id: "line", header: t("line"), className: "font-mono" },
      { id: "serial", header: t("colSerial"), className: "font-mono whitespace-nowrap" },
      { id: "model", header: t("colModel"), className: "whitespace-nowrap" },
      { id: "manufacturedOn", header: t("colManufacturedOn"), className: "whitespace-nowrap" },
      { id: "lot", header: t("colLot") },
    ],
    [t],
  );
  const tableRows = useMemo(
    () =>
      rows.map((row) => ({
        id: String(row.line),
        cells: { line: row.line, serial: row.serial, model: row.modelCode, manufacturedOn: row.manufacturedOn, lot: row.lot ?? "—" },
      })),
    [rows],
  );
  return <DataTable caption={t("previewCaption")} captionVisible columns={columns} rows={tableRows} empty={null} />;
}

/** Every problem, one row each (a bad row can have several), in file order. */
function RegistryErrors({ errors, errorCount }: { errors: RowError[]; errorCount: number }) {
  const t = useTranslations("registry");
  const columns = useMemo(
    () => [
      { id: "line", header: t("line"), className: "font-mono" },
      { id: "problem", header: t("problem") },
      { id: "value", header: t("value"), className: "font-mono" },
    ],
    [t],
  );
  const rows = useMemo(
    () =>
      errors.map((error, index) => ({
        id: `${error.line}-${index}`,
        cells: {
          line: error.line,
          problem: t.has(`problems.${error.problem}` as never) ? t(`problems.${error.problem}` as never) : error.problem,
          value: error.value ?? "",
        },
      })),
    [errors, t],
  );
  return (
    <>
      <DataTable
        caption={t("errorsCaption")}
        className="max-h-96 overflow-y-auto rounded border border-slate-200"
        columns={columns}
        rows={rows}
        empty={null}
      />
      {errorCount > errors.length && <p className="text-sm">{t("moreErrors", { shown: errors.length })}</p>}
    </>
  );
}
