import { useId, type ReactNode } from "react";

export type FieldIds = { fieldId: string; hintId?: string; errorId?: string; describedBy?: string; invalid?: true };

/** Ids that tie a control to its label, hint and error, so screen readers announce them together. */
export function useFieldIds(id: string | undefined, hint?: string, error?: string): FieldIds {
  const generated = useId();
  const fieldId = id ?? generated;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return {
    fieldId,
    hintId,
    errorId,
    describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined,
    invalid: error ? true : undefined,
  };
}

/** Label above, hint under it, the control, then the error: the layout every form field shares. */
export function FieldFrame({
  ids,
  label,
  hint,
  error,
  children,
}: {
  ids: FieldIds;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    // min-w-0: a long select option or value must not widen the form past a phone's screen.
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={ids.fieldId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={ids.hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={ids.errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
