"use client";

import { useId } from "react";

/**
 * Several choices from a list as checkboxes in a fieldset (models, prefectures, answers), the
 * value an array. Long lists scroll in their own box; the error is announced with the group.
 */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  error,
  columns = 2,
}: {
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
  columns?: 1 | 2 | 3;
}) {
  const id = useId();
  const grid = columns === 3 ? "sm:grid-cols-3" : columns === 2 ? "sm:grid-cols-2" : "";
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div
        className={`grid max-h-52 gap-x-4 gap-y-1 overflow-y-auto rounded-md border p-2 ${grid} ${error ? "border-red-600" : "border-slate-300"}`}
      >
        {options.map((option) => (
          <label key={option.value} className="flex min-h-11 items-center gap-2 text-sm text-slate-800 sm:min-h-8">
            <input
              type="checkbox"
              className="size-5 shrink-0 accent-brand-600"
              checked={value.includes(option.value)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, option.value] : value.filter((item) => item !== option.value))
              }
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
