"use client";

import { useRef, type ReactNode } from "react";
import { Button } from "./button";
import { ModalDialog } from "./modal-dialog";

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
  return (
    <>
      <Button variant="secondary" disabled={busy} onClick={() => (beforeOpen?.() ?? true) && dialog.current?.showModal()}>
        {label}
      </Button>
      <ModalDialog ref={dialog} title={title}>
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
      </ModalDialog>
    </>
  );
}
