"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormField } from "@/components/ui/form-field";
import { useRouter } from "@/lib/i18n/navigation";
import { saveWebhookAction } from "@/lib/webhooks/actions";
import { eventMessageKey, WEBHOOK_DATA_SCOPES, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { ZWebhookSchema, type TWebhook } from "@/lib/webhooks/schemas";
import { SecretOnce } from "./secret-once";

/** Create or edit a webhook subscription; a new one's signing secret is shown once. */
export function WebhookForm({ webhook }: { webhook?: TWebhook & { id: string } }) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const [created, setCreated] = useState<{ id: string; secret: string }>();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZWebhookSchema,
    action: saveWebhookAction,
    defaultValues: webhook ?? { name: "", url: "", events: [], dataScopes: [] },
    onSuccess: (result) => {
      toast.success(t("saved"));
      if (result.secret) setCreated({ id: result.id, secret: result.secret });
      else router.refresh();
    },
  });
  const events = (form.watch("events") ?? []) as string[];
  const scopes = (form.watch("dataScopes") ?? []) as string[];
  if (created) {
    return (
      <div className="space-y-4">
        <SecretOnce title={t("secretTitle")} note={t("secretOnce")} secret={created.secret} />
        <Button onClick={() => router.push(`/admin/apps/webhooks/${created.id}`)}>{t("deliveries")}</Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField label={t("name")} error={fieldError("name")} {...form.register("name")} />
      <FormField label={t("url")} hint={t("urlHint")} type="url" inputMode="url" error={fieldError("url")} {...form.register("url")} />
      <CheckboxGroup
        legend={t("events")}
        options={WEBHOOK_EVENTS.map((event) => ({
          value: event,
          label: `${t(`eventNames.${eventMessageKey(event)}` as "eventNames.product_registered")} (${event})`,
        }))}
        value={events}
        onChange={(next) => form.setValue("events", next as TWebhook["events"], { shouldValidate: form.formState.isSubmitted })}
        error={fieldError("events")}
        columns={1}
      />
      <CheckboxGroup
        legend={t("dataScopes")}
        options={WEBHOOK_DATA_SCOPES.map((scope) => ({ value: scope, label: t(`scopeNames.${scope}`) }))}
        value={scopes}
        onChange={(next) => form.setValue("dataScopes", next as TWebhook["dataScopes"])}
        error={fieldError("dataScopes")}
        columns={2}
      />
      <p className="text-sm text-slate-700">{t("dataScopesHint")}</p>
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
