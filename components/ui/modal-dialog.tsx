"use client";

import { useId, type ReactNode, type Ref } from "react";

/**
 * The shell of a modal question: a native `<dialog>` (opened with `showModal()`: it traps focus,
 * closes with Escape and returns focus to what opened it), named by its heading.
 */
export function ModalDialog({ ref, title, children }: { ref: Ref<HTMLDialogElement>; title: string; children: ReactNode }) {
  // Unique per instance: a page may list several items with the same button.
  const titleId = `dialog-${useId()}`;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-4 p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
