"use client";

import { useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A button that asks before doing something that cannot be undone. The native modal dialog
 * traps focus, closes with Escape and returns focus to the button.
 */
export function ConfirmButton({
  label,
  title,
  body,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  beforeOpen,
}: {
  label: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void | Promise<void>;
  /** Checks before asking (e.g. a required choice); false keeps the dialog closed. */
  beforeOpen?: () => boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Unique per instance: a page may list several items with the same button.
  const titleId = `confirm-${useId()}`;
  return (
    <>
      <Button variant="secondary" disabled={busy} onClick={() => (beforeOpen?.() ?? true) && dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="text-sm text-slate-700">{body}</div>
          <div className="flex flex-wrap gap-2">
            <Button
              className="bg-red-700 hover:bg-red-800"
              disabled={busy}
              onClick={async () => {
                await onConfirm();
                dialog.current?.close();
              }}
            >
              {confirmLabel}
            </Button>
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              {cancelLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
