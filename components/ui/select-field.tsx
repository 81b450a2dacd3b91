import type { ComponentProps } from "react";
import { FieldFrame, useFieldIds } from "./field-frame";

/** A labelled select with its hint and error tied to it (the select twin of FormField). */
export function SelectField({
  label,
  hint,
  error,
  id,
  className = "",
  children,
  ...props
}: ComponentProps<"select"> & { label: string; hint?: string; error?: string }) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <select
        id={ids.fieldId}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
        className={`min-h-11 rounded-md border bg-white px-3 ${error ? "border-red-600" : "border-slate-400"} ${className}`}
        {...props}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
