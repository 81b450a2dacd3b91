"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Controller, useFieldArray, type Path } from "react-hook-form";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { useRouter } from "@/lib/i18n/navigation";
import { previewSegmentAction, saveSegmentAction } from "@/lib/segments/actions";
import {
  blankRule,
  SEGMENT_MAX_RULES,
  SEGMENT_RULE_KINDS,
  WARRANTY_STATES,
  ZSegmentDefinition,
  ZSegmentSchema,
  type AttributeOp,
  type SegmentRuleKind,
  type TSegmentInput,
} from "@/lib/segments/rules";
import { CheckboxGroup } from "@/components/ui/checkbox-group";

export type BuilderChoices = {
  models: { value: string; label: string }[];
  categories: { value: string; label: string }[];
  prefectures: { value: string; label: string }[];
  tiers: { value: string; label: string }[];
  purposes: { value: string; label: string }[];
  attributes: {
    code: string;
    label: string;
    type: "CHOICE" | "MULTI_CHOICE" | "NUMBER" | "DATE" | "YES_NO";
    options: { value: string; label: string }[];
  }[];
};

/** The operators that fit each attribute type (the server checks the same: compile.ts ATTRIBUTE_OPS_FOR). */
const OPS: Record<BuilderChoices["attributes"][number]["type"], AttributeOp[]> = {
  CHOICE: ["anyOf", "noneOf", "answered", "unanswered"],
  MULTI_CHOICE: ["anyOf", "allOf", "noneOf", "answered", "unanswered"],
  NUMBER: ["between", "answered", "unanswered"],
  DATE: ["between", "answered", "unanswered"],
  YES_NO: ["yes", "no", "answered", "unanswered"],
};

const segmentKeys = { preview: (definition: string) => ["segments", "preview", definition] as const };

/**
 * The visual rule builder (issue 15): rules of several kinds, all or any of them, each one
 * includable or excludable; the live count and a masked sample follow the rules as they are
 * edited (once they are valid), and the segment is saved with a name.
 */
export function SegmentBuilder({ choices, saved }: { choices: BuilderChoices; saved?: TSegmentInput & { segmentId: string } }) {
  const t = useTranslations("engagement.segments");
  const format = useFormatter();
  const router = useRouter();
  const [newKind, setNewKind] = useState<SegmentRuleKind>("product");
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZSegmentSchema,
    action: saveSegmentAction,
    defaultValues: saved ?? { segmentId: "", name: "", description: "", definition: { match: "all", rules: [blankRule("product")] } },
    onSuccess: (data) => {
      toast.success(t("saved"));
      if (saved) router.refresh();
      else router.push(`/admin/engagement/segments/${data.id}`);
    },
  });
  const rules = useFieldArray({ control: form.control, name: "definition.rules" });
  const path = (index: number, name: string) => `definition.rules.${index}.${name}` as Path<TSegmentInput>;

  // The live count: the rules as they stand, once they are valid, half a second after the last change.
  const watched = form.watch("definition");
  const [debounced, setDebounced] = useState<string | null>(null);
  const parsed = ZSegmentDefinition.safeParse(watched);
  const current = parsed.success ? JSON.stringify(parsed.data) : null;
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(current), 500);
    return () => clearTimeout(timer);
  }, [current]);
  const preview = useQuery({
    queryKey: segmentKeys.preview(debounced ?? ""),
    enabled: debounced !== null,
    staleTime: 10_000,
    queryFn: async () => {
      const result = await previewSegmentAction({ definition: JSON.parse(debounced!) });
      if (!result.ok) throw new Error(result.error.fieldErrors ? Object.values(result.error.fieldErrors)[0] : result.error.message);
      return result.data;
    },
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="min-w-0 space-y-5">
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t("name")} error={fieldError("name")} {...form.register("name")} />
          <FormField label={t("description")} error={fieldError("description")} {...form.register("description")} />
        </div>
        <SelectField label={t("match")} error={fieldError("definition.match")} {...form.register("definition.match")}>
          <option value="all">{t("matchAll")}</option>
          <option value="any">{t("matchAny")}</option>
        </SelectField>
        {fieldError("definition.rules") && <Alert tone="error">{fieldError("definition.rules")}</Alert>}
        <ol className="space-y-4">
          {rules.fields.map((field, index) => {
            const kind = form.watch(path(index, "kind")) as SegmentRuleKind;
            return (
              <li key={field.id} className="rounded-lg border border-slate-300 p-4">
                <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-semibold text-slate-900">
                    {t("ruleNumber", { number: index + 1 })}: {t(`kinds.${kind}`)}
                  </h3>
                  <div className="flex items-center gap-2">
                    <label className="sr-only" htmlFor={`rule-${field.id}-exclude`}>
                      {t("includeOrExclude", { number: index + 1 })}
                    </label>
                    <Controller
                      control={form.control}
                      name={path(index, "exclude")}
                      render={({ field: exclude }) => (
                        <select
                          id={`rule-${field.id}-exclude`}
                          className="min-h-11 rounded-md border border-slate-400 bg-white px-2 text-sm"
                          value={exclude.value ? "exclude" : "include"}
                          onChange={(event) => exclude.onChange(event.target.value === "exclude")}
                        >
                          <option value="include">{t("include")}</option>
                          <option value="exclude">{t("exclude")}</option>
                        </select>
                      )}
                    />
                    <Button
                      type="button"
                      variant="secondary"
                      onClick={() => rules.remove(index)}
                      aria-label={t("removeRule", { number: index + 1 })}
                    >
                      {t("remove")}
                    </Button>
                  </div>
                </div>
                <RuleFields index={index} kind={kind} choices={choices} form={form} fieldError={fieldError} path={path} />
              </li>
            );
          })}
        </ol>
        {rules.fields.length < SEGMENT_MAX_RULES && (
          <div className="flex flex-wrap items-end gap-2">
            <SelectField label={t("newRule")} value={newKind} onChange={(event) => setNewKind(event.target.value as SegmentRuleKind)}>
              {SEGMENT_RULE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </SelectField>
            <Button type="button" variant="secondary" onClick={() => rules.append(blankRule(newKind) as never)}>
              {t("addRule")}
            </Button>
          </div>
        )}
        <Button type="submit" disabled={!canSubmit}>
          {busy ? t("saving") : t("save")}
        </Button>
      </div>
      <aside className="min-w-0 space-y-3 lg:sticky lg:top-4 lg:self-start" aria-labelledby="segment-preview-title">
        <h2 id="segment-preview-title" className="text-lg font-semibold">
          {t("preview")}
        </h2>
        <div role="status" aria-live="polite" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          {!parsed.success ? (
            <p className="text-sm text-slate-700">{t("fixRules")}</p>
          ) : preview.isError ? (
            <p className="text-sm text-red-700">{preview.error.message}</p>
          ) : preview.data && debounced === current ? (
            <p>
              <span className="text-3xl font-semibold" data-testid="segment-count">
                {format.number(preview.data.count)}
              </span>{" "}
              <span className="text-slate-700">{t("customers")}</span>
            </p>
          ) : (
            <p className="text-sm text-slate-700">{t("counting")}</p>
          )}
        </div>
        {preview.data && parsed.success && !preview.data.listed && <p className="text-sm text-slate-700">{t("sensitiveNotListed")}</p>}
        {preview.data && parsed.success && preview.data.listed && (
          <DataTable
            caption={t("sample")}
            empty={t("sampleEmpty")}
            columns={[
              { id: "name", header: t("sampleColumns.name") },
              { id: "email", header: t("sampleColumns.email") },
              { id: "prefecture", header: t("sampleColumns.prefecture") },
              { id: "products", header: t("sampleColumns.products"), className: "text-right" },
            ]}
            rows={preview.data.sample.map((row) => ({
              id: row.id,
              cells: { name: row.name, email: row.email, prefecture: row.prefecture ?? "—", products: format.number(row.products) },
            }))}
          />
        )}
        <p className="text-xs text-slate-600">{t("sampleNote")}</p>
      </aside>
    </form>
  );
}

type Form = ReturnType<typeof useActionForm<typeof ZSegmentSchema, { id: string }>>["form"];

function RuleFields({
  index,
  kind,
  choices,
  form,
  fieldError,
  path,
}: {
  index: number;
  kind: SegmentRuleKind;
  choices: BuilderChoices;
  form: Form;
  fieldError: (name: Path<TSegmentInput>) => string | undefined;
  path: (index: number, name: string) => Path<TSegmentInput>;
}) {
  const t = useTranslations("engagement.segments");
  const group = (name: string, legend: string, options: { value: string; label: string }[], columns: 1 | 2 | 3 = 2) => (
    <Controller
      control={form.control}
      name={path(index, name)}
      render={({ field }) => (
        <CheckboxGroup
          legend={legend}
          options={options}
          columns={columns}
          value={(field.value as string[] | undefined) ?? []}
          onChange={field.onChange}
          error={fieldError(path(index, name))}
        />
      )}
    />
  );
  const number = (name: string, label: string, hint?: string) => (
    <FormField label={label} hint={hint} inputMode="numeric" error={fieldError(path(index, name))} {...form.register(path(index, name))} />
  );
  switch (kind) {
    case "product":
      return (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("productHint")}</p>
          {group("models", t("models"), choices.models)}
          {group("categories", t("categories"), choices.categories, 3)}
          <p className="text-sm text-slate-700">{t("monthsHint")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {number("registeredFrom", t("registeredFrom"))}
            {number("registeredTo", t("registeredTo"))}
            {number("purchasedFrom", t("purchasedFrom"))}
            {number("purchasedTo", t("purchasedTo"))}
          </div>
          <SelectField label={t("warranty")} error={fieldError(path(index, "warranty"))} {...form.register(path(index, "warranty"))}>
            {WARRANTY_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`warrantyStates.${state}`)}
              </option>
            ))}
          </SelectField>
        </div>
      );
    case "region":
      return group("prefectures", t("prefectures"), choices.prefectures, 3);
    case "points":
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          {number("min", t("pointsMin"))}
          {number("max", t("pointsMax"))}
        </div>
      );
    case "tier":
      return choices.tiers.length ? group("tiers", t("tiers"), choices.tiers, 3) : <p className="text-sm">{t("noTiers")}</p>;
    case "repairs":
      return (
        <div className="grid gap-3 sm:grid-cols-3">
          {number("min", t("repairsMin"))}
          {number("max", t("repairsMax"))}
          {number("withinMonths", t("withinMonths"), t("withinMonthsHint"))}
        </div>
      );
    case "consent":
      return (
        <SelectField
          label={t("purpose")}
          hint={t("purposeHint")}
          error={fieldError(path(index, "purpose"))}
          {...form.register(path(index, "purpose"))}
        >
          {choices.purposes.map((purpose) => (
            <option key={purpose.value} value={purpose.value}>
              {purpose.label}
            </option>
          ))}
        </SelectField>
      );
    case "attribute":
      return (
        <AttributeFields index={index} choices={choices} form={form} fieldError={fieldError} path={path} group={group} number={number} />
      );
  }
}

function AttributeFields({
  index,
  choices,
  form,
  fieldError,
  path,
  group,
  number,
}: {
  index: number;
  choices: BuilderChoices;
  form: Form;
  fieldError: (name: Path<TSegmentInput>) => string | undefined;
  path: (index: number, name: string) => Path<TSegmentInput>;
  group: (name: string, legend: string, options: { value: string; label: string }[], columns?: 1 | 2 | 3) => React.ReactNode;
  number: (name: string, label: string, hint?: string) => React.ReactNode;
}) {
  const t = useTranslations("engagement.segments");
  const code = form.watch(path(index, "attribute")) as string;
  const op = form.watch(path(index, "op")) as string;
  const attribute = choices.attributes.find((candidate) => candidate.code === code);
  const ops: AttributeOp[] = attribute ? OPS[attribute.type] : [];
  // A different attribute may not take the operator chosen for the last one: start from its first.
  const type = attribute?.type;
  useEffect(() => {
    if (type && !OPS[type].includes(op as AttributeOp)) form.setValue(path(index, "op"), OPS[type][0] as never);
  }, [type, op, form, path, index]);
  if (choices.attributes.length === 0) return <p className="text-sm">{t("noAttributes")}</p>;
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("attribute")}
          error={fieldError(path(index, "attribute"))}
          {...form.register(path(index, "attribute"), {
            // Answers chosen for the last attribute are not this one's.
            onChange: () => form.setValue(path(index, "values"), [] as never),
          })}
        >
          <option value="">{t("chooseAttribute")}</option>
          {choices.attributes.map((candidate) => (
            <option key={candidate.code} value={candidate.code}>
              {candidate.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("op")} error={fieldError(path(index, "op"))} {...form.register(path(index, "op"))}>
          {(ops.length ? ops : (["anyOf"] as AttributeOp[])).map((value) => (
            <option key={value} value={value}>
              {t(`ops.${value as AttributeOp}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {attribute && ["anyOf", "allOf", "noneOf"].includes(op) && group("values", t("answers"), attribute.options)}
      {attribute?.type === "NUMBER" && op === "between" && (
        <div className="grid gap-3 sm:grid-cols-2">
          {number("from", t("from"))}
          {number("to", t("to"))}
        </div>
      )}
      {attribute?.type === "DATE" && op === "between" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField
            type="date"
            label={t("from")}
            error={fieldError(path(index, "fromDate"))}
            {...form.register(path(index, "fromDate"))}
          />
          <FormField type="date" label={t("to")} error={fieldError(path(index, "toDate"))} {...form.register(path(index, "toDate"))} />
        </div>
      )}
    </div>
  );
}
