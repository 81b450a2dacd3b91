import type { ComponentProps } from "react";
import { FieldFrame, useFieldIds } from "./field-frame";

type FormFieldProps = ComponentProps<"input"> & {
  label: string;
  /** Shown under the field, announced with it, and marks it invalid. */
  error?: string;
  hint?: string;
};

/** A labelled input with its hint and error tied to it for screen readers. */
export function FormField({ label, error, hint, id, className = "", ...inputProps }: FormFieldProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <input
        id={ids.fieldId}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        className={`min-h-11 rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm ${
          error ? "border-red-600" : "border-slate-400"
        } ${className}`}
        {...inputProps}
      />
    </FieldFrame>
  );
}
