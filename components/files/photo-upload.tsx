"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldFrame, useFieldIds } from "@/components/ui/field-frame";
import type { FilePurpose } from "@/lib/auth/permissions";
import { errorMessageOf, uploadWithProgress } from "./upload-request";

type UploadState =
  { phase: "idle" } | { phase: "uploading"; percent: number; preview: string } | { phase: "done"; preview: string; fileId: string };

/**
 * One photo: choose, upload with a progress bar, preview, remove before sending. The raw file is
 * sent as the request body so the browser reports progress; the server checks, re-encodes and
 * strips it, and the preview afterwards is the server's thumbnail (what staff will see).
 */
export function PhotoUpload({
  purpose,
  label,
  hint,
  error,
  onChange,
  onUploadingChange,
}: {
  purpose: FilePurpose;
  label: string;
  hint?: string;
  error?: string;
  onChange: (fileId: string) => void;
  /** While a photo is on its way the form should not be sent without it. */
  onUploadingChange?: (uploading: boolean) => void;
}) {
  const t = useTranslations("files");
  const locale = useLocale();
  const [uploadError, setUploadError] = useState<string>();
  const shownError = uploadError ?? error;
  const ids = useFieldIds(undefined, hint, shownError);
  const inputId = ids.fieldId;
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const [state, setState] = useState<UploadState>({ phase: "idle" });

  useEffect(() => () => abortRef.current?.(), []);
  useEffect(() => onUploadingChange?.(state.phase === "uploading"), [state.phase, onUploadingChange]);

  const upload = (file: File) => {
    setUploadError(undefined);
    const preview = URL.createObjectURL(file);
    setState({ phase: "uploading", percent: 0, preview });
    const request = uploadWithProgress(
      `/api/files?purpose=${purpose}`,
      file,
      (percent) => setState({ phase: "uploading", percent, preview }),
      locale,
    );
    abortRef.current = request.abort;
    request.promise
      .then(({ status, body }) => {
        if (status === 201 && typeof body.id === "string") {
          setState({ phase: "done", fileId: body.id, preview: `/api/files/${body.id}?variant=thumb` });
          onChange(body.id);
          return;
        }
        setState({ phase: "idle" });
        setUploadError(errorMessageOf(body) ?? t("uploadFailed"));
      })
      .catch((error: Error) => {
        setState({ phase: "idle" });
        if (error.message !== "aborted") setUploadError(t("uploadFailed"));
      })
      .finally(() => URL.revokeObjectURL(preview));
  };

  const remove = async () => {
    if (state.phase === "uploading") abortRef.current?.();
    if (state.phase === "done") await fetch(`/api/files/${state.fileId}`, { method: "DELETE" });
    setState({ phase: "idle" });
    onChange("");
    if (inputRef.current) inputRef.current.value = "";
  };

  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={shownError}>
      {state.phase === "idle" ? (
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid}
          className="min-h-11 rounded-md border border-dashed border-slate-400 bg-white p-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-semibold file:text-brand-800"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) upload(file);
          }}
        />
      ) : (
        <div className="flex items-center gap-4 rounded-md border border-slate-200 bg-slate-50 p-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a private, access-checked image */}
          <img src={state.preview} alt={t("preview")} className="h-20 w-20 rounded object-cover" />
          <div className="flex flex-1 flex-col gap-2">
            {state.phase === "uploading" ? (
              <>
                <span className="text-sm text-slate-700" id={`${inputId}-progress`}>
                  {t("uploading", { percent: state.percent })}
                </span>
                <progress max={100} value={state.percent} aria-labelledby={`${inputId}-progress`} className="h-2 w-full" />
              </>
            ) : (
              <span className="text-sm font-medium text-green-800" role="status">
                {t("uploaded")}
              </span>
            )}
            <div>
              <Button variant="secondary" onClick={remove}>
                {state.phase === "uploading" ? t("cancel") : t("remove")}
              </Button>
            </div>
          </div>
        </div>
      )}
    </FieldFrame>
  );
}
