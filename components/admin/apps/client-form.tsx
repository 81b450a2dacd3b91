"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useRouter } from "@/lib/i18n/navigation";
import { saveClientAction } from "@/lib/oidc/actions";
import { CLIENT_KINDS, ZClientSchema, type TClient } from "@/lib/oidc/client-schemas";
import { scopeMessageKey, scopesForKind, type PortalScope } from "@/lib/oidc/scopes";
import { SecretOnce } from "./secret-once";

/** Create or edit an app (client) of the portal's OpenID provider. A new one's secret is shown once. */
export function ClientForm({ client }: { client?: TClient & { id: string } }) {
  const t = useTranslations("apps");
  const to = useTranslations("oidc");
  const router = useRouter();
  const [secret, setSecret] = useState<{ id: string; secret: string }>();
  const { form, onSubmit, fieldError, formError, canSubmit, busy } = useActionForm({
    schema: ZClientSchema,
    action: saveClientAction,
    defaultValues: client ?? {
      name: "",
      kind: "WEB",
      redirectUris: "",
      postLogoutRedirectUris: "",
      backchannelLogoutUri: "",
      scopes: ["openid", "profile", "email"],
      firstParty: false,
      rateLimitPerMinute: 120,
    },
    onSuccess: (result) => {
      toast.success(t("saved"));
      if (result.secret) setSecret({ id: result.id, secret: result.secret });
      else router.refresh();
    },
  });
  const kind = form.watch("kind");
  const scopes = (form.watch("scopes") ?? []) as string[];
  if (secret) {
    return (
      <div className="space-y-4">
        <SecretOnce title={t("secretTitle")} note={t("secretOnce")} secret={secret.secret} />
        <p className="text-sm">
          {t("columns.clientId")}: <code className="font-mono">{secret.id}</code>
        </p>
        <Button onClick={() => router.push(`/admin/apps/${secret.id}`)}>{t("details")}</Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <FormField label={t("name")} error={fieldError("name")} {...form.register("name")} />
      <SelectField
        label={t("kind")}
        hint={client ? t("kindFixedHint") : t(`kindHints.${kind}`)}
        disabled={Boolean(client)}
        error={fieldError("kind")}
        {...form.register("kind", {
          onChange: (event) =>
            form.setValue(
              "scopes",
              scopes.filter((scope) => scopesForKind(event.target.value).includes(scope as PortalScope)),
            ),
        })}
      >
        {CLIENT_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`kinds.${value}`)}
          </option>
        ))}
      </SelectField>
      {kind !== "SERVICE" && (
        <TextareaField
          label={t("redirectUris")}
          hint={t("redirectHint")}
          rows={3}
          error={fieldError("redirectUris")}
          {...form.register("redirectUris")}
        />
      )}
      {kind === "WEB" && (
        <>
          <TextareaField
            label={t("postLogoutRedirectUris")}
            rows={2}
            error={fieldError("postLogoutRedirectUris")}
            {...form.register("postLogoutRedirectUris")}
          />
          <FormField
            label={t("backchannelLogoutUri")}
            hint={t("backchannelHint")}
            error={fieldError("backchannelLogoutUri")}
            {...form.register("backchannelLogoutUri")}
          />
        </>
      )}
      <CheckboxGroup
        legend={t("scopes")}
        options={scopesForKind(kind).map((scope) => ({ value: scope, label: `${scope} · ${to(`scopes.${scopeMessageKey(scope)}.name`)}` }))}
        value={scopes}
        onChange={(next) => form.setValue("scopes", next, { shouldValidate: form.formState.isSubmitted })}
        error={fieldError("scopes")}
        columns={1}
      />
      {kind === "WEB" && <CheckboxField label={t("firstParty")} error={fieldError("firstParty")} {...form.register("firstParty")} />}
      <FormField
        label={t("rateLimit")}
        type="number"
        inputMode="numeric"
        error={fieldError("rateLimitPerMinute")}
        {...form.register("rateLimitPerMinute")}
      />
      <Button type="submit" disabled={!canSubmit}>
        {busy ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
