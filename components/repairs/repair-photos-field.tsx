"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { errorMessageOf, uploadWithProgress } from "@/components/files/upload-request";
import { Button } from "@/components/ui/button";

type Item = { key: string; phase: "uploading" | "done"; percent: number; preview: string; fileId?: string };

/**
 * Several photos for a repair: each chosen photo uploads at once with its own progress bar, shows
 * a preview (the server's re-encoded thumbnail once done) and can be removed before sending
 * (the draft file is deleted). The form receives the ids of the finished uploads only, and is
 * told while any is still on its way so it is not sent without it.
 */
export function RepairPhotosField({
  legend,
  hint,
  error,
  limit,
  onChange,
  onUploadingChange,
}: {
  legend: string;
  hint?: string;
  error?: string;
  limit: number;
  onChange: (fileIds: string[]) => void;
  onUploadingChange?: (uploading: boolean) => void;
}) {
  const t = useTranslations("repairs");
  const files = useTranslations("files");
  const locale = useLocale();
  const id = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [uploadError, setUploadError] = useState<string>();
  const aborts = useRef(new Map<string, () => void>());
  const callbacks = useRef({ onChange, onUploadingChange });
  useEffect(() => {
    callbacks.current = { onChange, onUploadingChange };
  });
  useEffect(() => {
    callbacks.current.onChange(items.flatMap((item) => (item.fileId ? [item.fileId] : [])));
    callbacks.current.onUploadingChange?.(items.some((item) => item.phase === "uploading"));
  }, [items]);
  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((abort) => abort());
  }, []);

  const update = (key: string, change: Partial<Item>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const drop = (key: string) => setItems((current) => current.filter((item) => item.key !== key));

  const upload = (file: File) => {
    const key = crypto.randomUUID();
    const preview = URL.createObjectURL(file);
    setItems((current) => [...current, { key, phase: "uploading", percent: 0, preview }]);
    const request = uploadWithProgress(`/api/files?purpose=repair_photo`, file, (percent) => update(key, { percent }), locale);
    aborts.current.set(key, request.abort);
    request.promise
      .then(({ status, body }) => {
        if (status === 201 && typeof body.id === "string") {
          update(key, { phase: "done", percent: 100, fileId: body.id, preview: `/api/files/${body.id}?variant=thumb` });
          return;
        }
        drop(key);
        setUploadError(errorMessageOf(body) ?? files("uploadFailed"));
      })
      .catch((failure: Error) => {
        drop(key);
        if (failure.message !== "aborted") setUploadError(files("uploadFailed"));
      })
      .finally(() => {
        aborts.current.delete(key);
        URL.revokeObjectURL(preview);
      });
  };

  const choose = (chosen: File[]) => {
    setUploadError(undefined);
    const room = limit - items.length;
    chosen.slice(0, Math.max(0, room)).forEach(upload);
    if (chosen.length > room) setUploadError(t("photosSkipped", { count: chosen.length - Math.max(0, room) }));
  };

  const remove = async (item: Item) => {
    if (item.phase === "uploading") aborts.current.get(item.key)?.();
    drop(item.key);
    if (item.fileId) await fetch(`/api/files/${item.fileId}`, { method: "DELETE" });
  };

  const shownError = uploadError ?? error;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = shownError ? `${id}-error` : undefined;
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {items.length > 0 && (
        <ul className="grid gap-2 sm:grid-cols-2">
          {items.map((item, index) => {
            const n = index + 1;
            return (
              <li key={item.key} className="flex min-w-0 items-center gap-3 rounded-md border border-slate-200 bg-slate-50 p-2">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, access-checked image */}
                <img src={item.preview} alt={t("photoAlt", { n })} className="h-16 w-16 shrink-0 rounded object-cover" />
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  {item.phase === "uploading" ? (
                    <>
                      <span className="text-sm text-slate-700" id={`${id}-${item.key}`}>
                        {t("photoUploading", { n, percent: item.percent })}
                      </span>
                      <progress max={100} value={item.percent} aria-labelledby={`${id}-${item.key}`} className="h-2 w-full" />
                    </>
                  ) : (
                    <span className="text-sm font-medium text-green-800">{t("photoDone", { n })}</span>
                  )}
                  <div>
                    <Button variant="secondary" className="min-h-9 px-3 py-1" onClick={() => remove(item)}>
                      {item.phase === "uploading" ? t("photoCancel", { n }) : t("photoRemove", { n })}
                    </Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="text-sm text-slate-600" aria-live="polite">
        {t("photosCount", { count: items.length, limit })}
      </p>
      {items.length < limit ? (
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-input`} className="text-sm font-medium text-slate-800">
            {t("photosAdd")}
          </label>
          <input
            id={`${id}-input`}
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={shownError ? true : undefined}
            aria-describedby={errorId}
            className="min-h-11 max-w-full rounded-md border border-dashed border-slate-400 bg-white p-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-semibold file:text-brand-800"
            onChange={(event) => {
              choose([...(event.target.files ?? [])]);
              event.target.value = "";
            }}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("photosFull")}</p>
      )}
      {shownError && (
        <p id={errorId} className="text-sm text-red-700">
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
