import { useId, type ComponentProps } from "react";

/** A labelled select with its error tied to it (the select twin of FormField). */
export function SelectField({ label, error, id, className = "", children, ...props }: ComponentProps<"select"> & { label: string; error?: string }) {
  const generated = useId();
  const selectId = id ?? generated;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={`min-h-11 rounded-md border bg-white px-3 ${error ? "border-red-600" : "border-slate-400"} ${className}`}
        {...props}
      >
        {children}
      </select>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
