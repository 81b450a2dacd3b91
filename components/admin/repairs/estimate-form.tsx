"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { estimateTotals } from "@/lib/repairs/coverage";
import { recordPartsAction, sendEstimateAction } from "@/lib/repairs/desk-actions";
import {
  DEFAULT_TAX_RATE,
  ESTIMATE_LINES_MAX,
  PARTS_MAX,
  REPAIR_MESSAGE_MAX_LENGTH,
  ZEstimateSchema,
  ZPartsSchema,
} from "@/lib/repairs/schemas";

/** A whole number typed in a field, or 0 while it is empty or not a number yet (for the live totals only). */
const amount = (value: unknown) => {
  const number = Number(value);
  return Number.isFinite(number) ? Math.trunc(number) : 0;
};

/**
 * An estimate for a repair the customer pays: lines of description, quantity and unit price in
 * yen, the tax rate (10 % by default), with the totals computed live by the same function the
 * server stores them with (lib/repairs/coverage.ts), so what staff see is what the customer gets.
 */
export function EstimateForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("repairs.desk.estimate");
  const format = useFormatter();
  const yen = (value: number) => format.number(value, { style: "currency", currency: "JPY" });
  const emptyLine = { description: "", quantity: "1", unitPriceYen: "" };
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZEstimateSchema,
    action: (values) => sendEstimateAction({ ...values, ticketId }),
    defaultValues: { ticketId, lines: [emptyLine], taxRate: String(DEFAULT_TAX_RATE), note: "" },
    onSuccess: () => toast.success(t("sent")),
  });
  const lines = useFieldArray({ control: form.control, name: "lines" as never });
  const watched = (form.watch("lines") ?? []) as { quantity?: unknown; unitPriceYen?: unknown }[];
  const totals = estimateTotals(
    watched.map((line) => ({ quantity: amount(line.quantity), unitPriceYen: amount(line.unitPriceYen) })),
    amount(form.watch("taxRate")),
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("lines")}</legend>
        {lines.fields.map((field, index) => (
          <div
            key={field.id}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[minmax(0,1fr)_6rem_9rem_auto] sm:items-end"
          >
            <FormField
              label={t("description", { line: index + 1 })}
              error={fieldError(`lines.${index}.description` as never)}
              {...form.register(`lines.${index}.description` as never)}
            />
            <FormField
              label={t("quantity", { line: index + 1 })}
              inputMode="numeric"
              error={fieldError(`lines.${index}.quantity` as never)}
              {...form.register(`lines.${index}.quantity` as never)}
            />
            <FormField
              label={t("unitPrice", { line: index + 1 })}
              inputMode="numeric"
              error={fieldError(`lines.${index}.unitPriceYen` as never)}
              {...form.register(`lines.${index}.unitPriceYen` as never)}
            />
            {lines.fields.length > 1 && (
              <Button variant="ghost" onClick={() => lines.remove(index)}>
                {t("removeLine", { line: index + 1 })}
              </Button>
            )}
          </div>
        ))}
        {fieldError("lines" as never) && <p className="text-sm text-red-700">{fieldError("lines" as never)}</p>}
        {lines.fields.length < ESTIMATE_LINES_MAX && (
          <Button variant="secondary" onClick={() => lines.append(emptyLine as never)}>
            {t("addLine")}
          </Button>
        )}
      </fieldset>
      <FormField label={t("taxRate")} inputMode="numeric" className="w-24" error={fieldError("taxRate")} {...form.register("taxRate")} />
      <dl className="grid max-w-xs grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm" aria-live="polite" data-testid="estimate-totals">
        <dt>{t("subtotal")}</dt>
        <dd className="text-right tabular-nums">{yen(totals.subtotalYen)}</dd>
        <dt>{t("tax")}</dt>
        <dd className="text-right tabular-nums">{yen(totals.taxYen)}</dd>
        <dt className="font-semibold">{t("total")}</dt>
        <dd className="text-right font-semibold tabular-nums">{yen(totals.totalYen)}</dd>
      </dl>
      <TextareaField
        label={t("note")}
        hint={t("noteHint")}
        rows={3}
        limit={REPAIR_MESSAGE_MAX_LENGTH}
        error={fieldError("note")}
        {...form.register("note")}
      />
      {formError && <Alert tone="error">{formError}</Alert>}
      <Button type="submit" disabled={!canSubmit}>
        {t("submit")}
      </Button>
    </form>
  );
}

type Part = { partNumber: string; name: string; quantity: number };

/** The parts used (the list replaces the one recorded before). */
export function PartsForm({ ticketId, parts }: { ticketId: string; parts: Part[] }) {
  const t = useTranslations("repairs.desk.parts");
  const emptyPart = { partNumber: "", name: "", quantity: "1" };
  const { form, onSubmit, fieldError, formError, canSubmit } = useActionForm({
    schema: ZPartsSchema,
    action: (values) => recordPartsAction({ ...values, ticketId }),
    defaultValues: { ticketId, parts: parts.length ? parts.map((part) => ({ ...part, quantity: String(part.quantity) })) : [emptyPart] },
    onSuccess: () => toast.success(t("saved")),
  });
  const rows = useFieldArray({ control: form.control, name: "parts" as never });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <fieldset className="space-y-3">
        <legend className="sr-only">{t("title")}</legend>
        {rows.fields.map((field, index) => (
          <div
            key={field.id}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[9rem_minmax(0,1fr)_6rem_auto] sm:items-end"
          >
            <FormField
              label={t("partNumber", { line: index + 1 })}
              className="font-mono"
              error={fieldError(`parts.${index}.partNumber` as never)}
              {...form.register(`parts.${index}.partNumber` as never)}
            />
            <FormField
              label={t("name", { line: index + 1 })}
              error={fieldError(`parts.${index}.name` as never)}
              {...form.register(`parts.${index}.name` as never)}
            />
            <FormField
              label={t("quantity", { line: index + 1 })}
              inputMode="numeric"
              error={fieldError(`parts.${index}.quantity` as never)}
              {...form.register(`parts.${index}.quantity` as never)}
            />
            <Button variant="ghost" onClick={() => rows.remove(index)}>
              {t("remove", { line: index + 1 })}
            </Button>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        {rows.fields.length < PARTS_MAX && (
          <Button variant="secondary" onClick={() => rows.append(emptyPart as never)}>
            {t("add")}
          </Button>
        )}
        <Button type="submit" disabled={!canSubmit}>
          {t("submit")}
        </Button>
      </div>
      {formError && <Alert tone="error">{formError}</Alert>}
    </form>
  );
}
