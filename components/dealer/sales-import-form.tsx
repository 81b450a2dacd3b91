"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { importSalesAction } from "@/lib/dealers/actions";
import { SALES_CSV_MAX_BYTES } from "@/lib/dealers/schemas";
import type { SaleRowError } from "@/lib/dealers/sales-csv";
import { Link } from "@/lib/i18n/navigation";

type Outcome =
  | { kind: "imported"; rows: number; flagged: number }
  | { kind: "rejected"; errors: SaleRowError[]; errorCount: number; headerProblem: string | null }
  | { kind: "failed"; message: string };

/**
 * Upload a sales CSV: the browser reads the file and sends its text; the server imports every row
 * or none and names every problem of every row. One key per chosen file, so a double click or a
 * retry after a timeout imports it once.
 */
export function SalesImportForm() {
  const t = useTranslations("dealer.sales");
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();

  const choose = (chosen: File | null) => {
    setOutcome(null);
    setFileError(null);
    setFile(chosen);
    setKey(crypto.randomUUID());
    if (chosen && chosen.size > SALES_CSV_MAX_BYTES) setFileError(t("fileTooLarge"));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(t("chooseFile"));
      return;
    }
    if (fileError) return;
    startTransition(async () => {
      const csv = await file.text();
      const result = await importSalesAction({ fileName: file.name, csv, idempotencyKey: key });
      if (!result.ok) {
        setOutcome({ kind: "failed", message: result.error.fieldErrors?.csv ?? result.error.message });
        return;
      }
      const data = result.data;
      setOutcome(data.status === "imported" ? { kind: "imported", rows: data.rows, flagged: data.flagged } : { kind: "rejected", ...data });
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="sales-file" className="font-medium text-slate-800">
          {t("file")}
        </label>
        <input
          ref={input}
          id="sales-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="sales-file-hint"
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
          className="block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3"
        />
        <p id="sales-file-hint" className="text-sm text-slate-600">
          {t("fileHint")}
        </p>
        {fileError && <p className="text-sm text-red-700">{fileError}</p>}
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? t("importing") : t("import")}
      </Button>
      {busy && (
        <div role="status" className="space-y-1">
          <p className="text-sm text-slate-700">{t("checking")}</p>
          <progress className="h-2 w-full" aria-label={t("checking")} />
        </div>
      )}
      {outcome?.kind === "imported" && (
        <Alert tone="success">
          <p>{t("imported", { rows: outcome.rows })}</p>
          {outcome.flagged > 0 && <p>{t("importedFlagged", { count: outcome.flagged })}</p>}
          <p className="mt-1">
            <Link href="/dealer/sales" className="font-semibold underline">
              {t("toSales")}
            </Link>
          </p>
        </Alert>
      )}
      {outcome?.kind === "failed" && <Alert tone="error">{outcome.message}</Alert>}
      {outcome?.kind === "rejected" && (
        <div
          role="alert"
          data-testid="import-problems"
          className="space-y-2 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          <p className="font-semibold">
            {outcome.headerProblem
              ? t(`header.${outcome.headerProblem as "missingColumns"}`)
              : t("rejected", { count: outcome.errorCount })}
          </p>
          {outcome.errors.length > 0 && (
            <ul className="max-h-80 list-disc space-y-1 overflow-y-auto pl-5">
              {outcome.errors.map((error, index) => (
                <li key={`${error.line}-${error.problem}-${index}`}>
                  {t("problemLine", { line: error.line })} {t(`problem.${error.problem}`, { value: error.value ?? "" })}
                </li>
              ))}
            </ul>
          )}
          {outcome.errorCount > outcome.errors.length && <p>{t("moreProblems", { count: outcome.errorCount - outcome.errors.length })}</p>}
        </div>
      )}
    </form>
  );
}
