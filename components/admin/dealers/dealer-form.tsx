"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { saveDealerAction } from "@/lib/dealers/actions";
import { ZDealerSchema, type TDealer } from "@/lib/dealers/schemas";
import { useRouter } from "@/lib/i18n/navigation";

/** Create or edit a dealer (code, name, prefecture, phone). */
export function DealerForm({ dealer }: { dealer?: TDealer }) {
  const t = useTranslations("dealersAdmin");
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZDealerSchema,
    action: saveDealerAction,
    defaultValues: dealer ?? { id: "", code: "", name: "", prefecture: "", phone: "" },
    onSuccess: ({ dealerId }) => {
      toast.success(t("saved"));
      if (!dealer?.id) router.push(`/admin/dealers/${dealerId}`);
      else router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <input type="hidden" {...form.register("id")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t("code")}
          hint={t("codeHint")}
          autoCapitalize="characters"
          error={fieldError("code")}
          {...form.register("code")}
        />
        <FormField label={t("name")} error={fieldError("name")} {...form.register("name")} />
        <FormField label={t("prefecture")} error={fieldError("prefecture")} {...form.register("prefecture")} />
        <FormField label={t("phone")} type="tel" error={fieldError("phone")} {...form.register("phone")} />
      </div>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
