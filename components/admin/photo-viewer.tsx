"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * Evidence photos: a thumbnail that opens the photo large in a modal dialog (focus moves into it,
 * Escape or the close button shut it and focus returns to the thumbnail), so staff can read a
 * receipt without leaving the page. Served by the access-checked file route.
 */
export function PhotoViewer({ fileId, label }: { fileId: string | null; label: string }) {
  const t = useTranslations("claimsAdmin");
  const dialog = useRef<HTMLDialogElement>(null);
  if (!fileId) return <span className="text-slate-500">—</span>;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="inline-block rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        aria-label={t("enlarge", { label })}
        aria-haspopup="dialog"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
        <img src={`/api/files/${fileId}?variant=thumb`} alt="" className="h-24 w-24 rounded object-cover" />
      </button>
      <dialog
        ref={dialog}
        aria-label={label}
        className="m-auto max-h-[95vh] w-[min(64rem,calc(100vw-1rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/70"
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside the content) closes it.
          if (event.target === dialog.current) dialog.current?.close();
        }}
      >
        <div className="space-y-3 p-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
          <img src={`/api/files/${fileId}`} alt={label} loading="lazy" className="mx-auto max-h-[78vh] w-auto max-w-full object-contain" />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <a href={`/api/files/${fileId}`} target="_blank" rel="noreferrer" className="text-sm text-brand-700 underline">
              {t("openOriginal")}
            </a>
            <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {t("close")}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
