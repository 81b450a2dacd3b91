"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type ComponentProps } from "react";
import { FieldFrame, useFieldIds } from "./field-frame";

/** Counted as the schemas count: zod trims first, then measures the string's length. */
function measure(value: string): number {
  return value.trim().length;
}

/** The counter speaks up (politely) only this close to the limit, not on every key. */
function nearLimit(limit: number): number {
  return Math.max(10, Math.floor(limit * 0.1));
}

/**
 * A labelled multi-line field with its hint and error tied to it (the textarea twin of FormField).
 * With `limit` (the zod schema's max, passed from the schema module) the limit is shown with a live
 * counter, so "too long" is never a surprise; the native maxLength is not set, because it would cut
 * pasted text silently.
 */
export function TextareaField({
  label,
  hint,
  error,
  id,
  rows = 5,
  limit,
  ref,
  onChange,
  ...props
}: ComponentProps<"textarea"> & { label: string; hint?: string; error?: string; limit?: number }) {
  const t = useTranslations("common");
  const ids = useFieldIds(id, hint, error);
  const counterId = `${ids.fieldId}-count`;
  const element = useRef<HTMLTextAreaElement | null>(null);
  const [length, setLength] = useState(() => measure(String(props.value ?? props.defaultValue ?? "")));
  // react-hook-form fills the field through its ref, not through props: read it once attached.
  useEffect(() => {
    if (element.current) setLength(measure(element.current.value));
  }, []);
  const attach = useCallback(
    (node: HTMLTextAreaElement | null) => {
      element.current = node;
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  const handleChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setLength(measure(event.target.value));
    onChange?.(event);
  };
  const over = limit !== undefined && length > limit;
  const remaining = limit !== undefined ? limit - length : 0;
  const describedBy = [ids.describedBy, limit !== undefined ? counterId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <textarea
        id={ids.fieldId}
        ref={attach}
        rows={rows}
        aria-invalid={ids.invalid ?? (over || undefined)}
        aria-describedby={describedBy}
        className={`rounded-md border bg-white px-3 py-2 ${error || over ? "border-red-600" : "border-slate-400"}`}
        onChange={handleChange}
        {...props}
      />
      {limit !== undefined && (
        <>
          <p
            id={counterId}
            className={`text-right text-sm tabular-nums ${over ? "font-semibold text-red-700" : "text-slate-600"}`}
            data-testid="character-count"
          >
            {t("characterCount", { count: length, limit })}
          </p>
          {/* Announced only near the limit, so a screen reader is not interrupted on every key. */}
          <p className="sr-only" aria-live="polite">
            {remaining <= nearLimit(limit)
              ? over
                ? t("charactersOver", { count: -remaining })
                : t("charactersLeft", { count: remaining })
              : ""}
          </p>
        </>
      )}
    </FieldFrame>
  );
}
