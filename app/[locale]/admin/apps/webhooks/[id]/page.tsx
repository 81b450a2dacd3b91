import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CredentialControls } from "@/components/admin/apps/credential-controls";
import { RedeliverButton } from "@/components/admin/apps/redeliver-button";
import { WebhookForm } from "@/components/admin/apps/webhook-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import type { WebhookDataScope, WebhookEvent } from "@/lib/webhooks/events";
import { renewWebhookSecretAction, setWebhookDisabledAction } from "@/lib/webhooks/actions";
import { getWebhook } from "@/lib/webhooks/subscriptions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

/** One webhook: its settings, secret renewal, disabling, and the delivery log with the receiver's answers. */
export default async function WebhookPage({ params }: PageProps<"/[locale]/admin/apps/webhooks/[id]">) {
  await enterLocale(params);
  await requireStaffPage("/admin/apps/webhooks/[id]");
  const { id } = await params;
  const webhook = await getWebhook(id);
  if (!webhook) notFound();
  const [t, format] = await Promise.all([getTranslations("webhooks"), getFormatter()]);
  const state = webhook.disabledAt ? t(webhook.disabledReason === "failures" ? "disabledFailures" : "disabledAdmin") : t("active");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/apps/webhooks" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={`${state} · ${t("failuresInRow", { count: webhook.consecutiveFailures })}`}>
        <UserText>{webhook.name}</UserText>
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <WebhookForm
            webhook={{
              id: webhook.id,
              name: webhook.name,
              url: webhook.url,
              events: webhook.events as WebhookEvent[],
              dataScopes: webhook.dataScopes as WebhookDataScope[],
            }}
          />
        </Card>
        <Card>
          <CredentialControls
            namespace="webhooks"
            name={webhook.name}
            disabled={webhook.disabledAt !== null}
            renew={renewWebhookSecretAction.bind(null, { id: webhook.id })}
            disable={setWebhookDisabledAction.bind(null, { id: webhook.id, disabled: true })}
            enable={setWebhookDisabledAction.bind(null, { id: webhook.id, disabled: false })}
          />
        </Card>
      </div>
      <Card title={t("deliveries")} className="mt-6">
        <DataTable
          caption={t("deliveries")}
          empty={t("noDeliveries")}
          columns={[
            { id: "at", header: t("columns.at"), className: "whitespace-nowrap text-sm" },
            { id: "event", header: t("columns.event"), className: "text-sm" },
            { id: "status", header: t("columns.status"), className: "min-w-28" },
            { id: "attempts", header: t("columns.attempts") },
            { id: "response", header: t("columns.response"), className: "min-w-48 max-w-md text-sm" },
            { id: "actions", header: "", className: "whitespace-nowrap" },
          ]}
          rows={webhook.deliveries.map((delivery) => ({
            id: delivery.id,
            cells: {
              at: format.dateTime(delivery.createdAt, { dateStyle: "short", timeStyle: "medium" }),
              event: (
                <details>
                  <summary className="cursor-pointer">
                    <code>{delivery.eventType}</code>
                  </summary>
                  <pre className="mt-1 max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                    {JSON.stringify(delivery.payload, null, 2)}
                  </pre>
                </details>
              ),
              status: <span data-testid="delivery-status">{t(`statuses.${delivery.status}`)}</span>,
              attempts: format.number(delivery.attempts),
              response: (
                <span className="break-all">
                  {delivery.responseStatus !== null && <code>{delivery.responseStatus}</code>}{" "}
                  <UserText>{delivery.responseBody?.slice(0, 300) ?? ""}</UserText>
                </span>
              ),
              actions: delivery.status !== "PENDING" && !webhook.disabledAt ? <RedeliverButton deliveryId={delivery.id} /> : null,
            },
          }))}
        />
      </Card>
    </>
  );
}
