import { useId, type ComponentProps } from "react";

/**
 * A group of radio buttons under one legend, with the group's error tied to it. Spread
 * react-hook-form's `register(name)` onto it: every radio gets the same name, ref and handlers.
 */
export function RadioGroup({
  legend,
  error,
  options,
  ...input
}: Omit<ComponentProps<"input">, "type"> & { legend: string; error?: string; options: { value: string; label: string }[] }) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={errorId}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-col gap-2">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-11 items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2">
            <input type="radio" value={option.value} className="h-5 w-5 shrink-0 accent-brand-600" {...input} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
