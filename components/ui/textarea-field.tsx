import type { ComponentProps } from "react";
import { FieldFrame, useFieldIds } from "./field-frame";

/** A labelled multi-line field with its hint and error tied to it (the textarea twin of FormField). */
export function TextareaField({ label, hint, error, id, rows = 5, ...props }: ComponentProps<"textarea"> & { label: string; hint?: string; error?: string }) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <textarea
        id={ids.fieldId}
        rows={rows}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        className={`rounded-md border bg-white px-3 py-2 ${error ? "border-red-600" : "border-slate-400"}`}
        {...props}
      />
    </FieldFrame>
  );
}
