import { useId, type ComponentProps, type ReactNode } from "react";

/** A checkbox with its label, and an error announced with it. */
export function CheckboxField({
  label,
  error,
  id,
  ...inputProps
}: Omit<ComponentProps<"input">, "type"> & { label: ReactNode; error?: string }) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-3">
        <input
          id={inputId}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          className="mt-1 size-5 shrink-0 accent-brand-600"
          {...inputProps}
        />
        <label htmlFor={inputId} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
