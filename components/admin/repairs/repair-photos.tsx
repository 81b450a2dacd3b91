"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { PhotoUpload } from "@/components/files/photo-upload";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { addStaffPhotoAction } from "@/lib/repairs/desk-actions";

type Photo = { fileId: string; label: string };

const ZOOMS = [1, 1.5, 2, 3, 4] as const;

/**
 * The ticket's photos as thumbnails; one opens large in a modal dialog (focus moves in, Escape or
 * Close shut it, focus returns to the thumbnail) with zoom buttons and the + / - / 0 keys; a zoomed
 * photo scrolls inside the dialog. Served by the access-checked file route, which audits each view.
 */
export function RepairPhotoGallery({ photos }: { photos: Photo[] }) {
  const t = useTranslations("repairs.desk.photos");
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `photo-${useId()}`;
  const [open, setOpen] = useState<Photo | null>(null);
  const [zoom, setZoom] = useState(0);
  const show = (photo: Photo) => {
    setOpen(photo);
    setZoom(0);
    dialog.current?.showModal();
  };
  const step = (by: number) => setZoom((current) => Math.min(ZOOMS.length - 1, Math.max(0, current + by)));
  if (photos.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <>
      <ul className="flex flex-wrap gap-3">
        {photos.map((photo) => (
          <li key={photo.fileId}>
            <button
              type="button"
              onClick={() => show(photo)}
              aria-haspopup="dialog"
              aria-label={t("enlarge", { label: photo.label })}
              className="inline-block rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
              <img src={`/api/files/${photo.fileId}?variant=thumb`} alt="" className="h-24 w-24 rounded object-cover" />
            </button>
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto max-h-[95vh] w-[min(64rem,calc(100vw-1rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/70"
        onClose={() => setOpen(null)}
        onClick={(event) => {
          if (event.target === dialog.current) dialog.current?.close();
        }}
        onKeyDown={(event) => {
          if (event.key === "+" || event.key === "=") step(1);
          else if (event.key === "-") step(-1);
          else if (event.key === "0") setZoom(0);
        }}
      >
        {open && (
          <div className="space-y-3 p-3">
            <h2 id={titleId} className="font-semibold">
              {open.label}
            </h2>
            <div className="max-h-[70vh] overflow-auto rounded bg-slate-100" tabIndex={0} role="region" aria-label={t("zoomArea")}>
              {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
              <img
                src={`/api/files/${open.fileId}`}
                alt={open.label}
                className={zoom === 0 ? "mx-auto max-h-[70vh] w-auto max-w-full object-contain" : "max-w-none"}
                style={zoom === 0 ? undefined : { width: `${(ZOOMS[zoom] ?? 1) * 100}%` }}
              />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <Button variant="secondary" onClick={() => step(-1)} disabled={zoom === 0}>
                {t("zoomOut")}
              </Button>
              <span className="min-w-14 text-center text-sm tabular-nums" aria-live="polite">
                {t("zoomLevel", { percent: (ZOOMS[zoom] ?? 1) * 100 })}
              </span>
              <Button variant="secondary" onClick={() => step(1)} disabled={zoom === ZOOMS.length - 1}>
                {t("zoomIn")}
              </Button>
              <a href={`/api/files/${open.fileId}`} target="_blank" rel="noreferrer" className="text-sm text-brand-700 underline">
                {t("openOriginal")}
              </a>
              <Button variant="ghost" className="ml-auto" autoFocus onClick={() => dialog.current?.close()}>
                {t("close")}
              </Button>
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}

/** Staff's diagnosis photo: uploaded through the upload pipeline (purpose repair_photo), then attached; the customer sees it. */
export function StaffPhotoUpload({ ticketId }: { ticketId: string }) {
  const t = useTranslations("repairs.desk.photos");
  const [fileId, setFileId] = useState("");
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);
  const [busy, startTransition] = useTransition();
  const attach = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await addStaffPhotoAction({ ticketId, fileId });
      if (!result.ok) {
        setError(result.error.fieldErrors?.fileId ?? result.error.message);
        return;
      }
      toast.success(t("added"));
      setFileId("");
      setRound((current) => current + 1);
    });
  return (
    <div className="space-y-3">
      <PhotoUpload
        key={round}
        purpose="repair_photo"
        label={t("upload")}
        hint={t("uploadHint")}
        onChange={setFileId}
        onUploadingChange={setUploading}
      />
      {error && <Alert tone="error">{error}</Alert>}
      <Button variant="secondary" disabled={!fileId || uploading || busy} onClick={attach}>
        {t("attach")}
      </Button>
    </div>
  );
}
