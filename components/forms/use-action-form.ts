"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionError, ActionResult } from "@/lib/action";
import { useHydrated } from "./use-hydrated";

/**
 * One way to wire a form to a server action: the shared zod schema validates in the browser,
 * the action validates again on the server; server field errors land next to their fields, other
 * errors above the form, and what was typed stays (a failed form loses nothing). While the
 * action runs, and while a redirect it started is loading, the form stays busy so a double click
 * sends it once.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(options: {
  schema: S;
  action: (input: z.input<S>) => Promise<ActionResult<T> | undefined>;
  defaultValues: DefaultValues<z.input<S>>;
  onSuccess?: (data: T) => void;
  /** Called instead of showing the error (e.g. to open the step-up dialog). */
  onError?: (error: ActionError) => boolean | void;
}) {
  const t = useTranslations();
  const [formError, setFormError] = useState<string>();
  const [redirecting, setRedirecting] = useState(false);
  const hydrated = useHydrated();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(options.schema as never) as never,
    // Empty defaults are left out: react-hook-form then reads the field as it is when it attaches,
    // so what a user typed before hydration is kept rather than reset to "".
    defaultValues: Object.fromEntries(
      Object.entries(options.defaultValues as Record<string, unknown>).filter(([, value]) => value !== ""),
    ) as DefaultValues<z.input<S>>,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await options.action(values as z.input<S>);
    if (!result) {
      // The action redirected.
      setRedirecting(true);
      return;
    }
    if (!result.ok) {
      if (options.onError?.(result.error)) return;
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {})) {
        form.setError(field as Path<z.input<S>>, { type: "server", message });
      }
      if (!result.error.fieldErrors || Object.keys(result.error.fieldErrors).length === 0) setFormError(result.error.message);
      return;
    }
    options.onSuccess?.(result.data);
  });

  /** The message for a field: server messages are already translated, client ones are keys. */
  const fieldError = (name: Path<z.input<S>>): string | undefined => {
    const error = form.getFieldState(name, form.formState).error;
    if (!error?.message) return undefined;
    if (error.type === "server") return error.message;
    // Shared schemas name catalog keys: "tooLong" in `validation`, or a full key such as "catalog.patternInvalid".
    const key = error.message.includes(".") ? error.message : `validation.${error.message}`;
    return t.has(key as never) ? t(key as never) : error.message;
  };

  const busy = form.formState.isSubmitting || redirecting;
  return { form, onSubmit, fieldError, formError, setFormError, busy, canSubmit: hydrated && !busy };
}
