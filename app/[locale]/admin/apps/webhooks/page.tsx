import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppsTabs } from "@/components/admin/apps/apps-tabs";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listWebhooks } from "@/lib/webhooks/subscriptions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

/** Webhook subscriptions (issue 16) with their last delivery and state. */
export default async function WebhooksPage({ params }: PageProps<"/[locale]/admin/apps/webhooks">) {
  await enterLocale(params);
  await requireStaffPage("/admin/apps/webhooks");
  const [webhooks, t, ta, format] = await Promise.all([
    listWebhooks(),
    getTranslations("webhooks"),
    getTranslations("apps"),
    getFormatter(),
  ]);
  return (
    <>
      <PageTitle lead={ta("lead")}>{ta("title")}</PageTitle>
      <AppsTabs current="webhooks" />
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("lead")}</p>
      <div className="mb-4">
        <Button asChild>
          <Link href="/admin/apps/webhooks/new">{t("new")}</Link>
        </Button>
      </div>
      <Card>
        <DataTable
          caption={t("title")}
          empty={t("empty")}
          columns={[
            { id: "name", header: t("columns.name"), className: "min-w-40", sortable: true },
            { id: "url", header: t("columns.url"), className: "min-w-48 break-all text-sm" },
            { id: "events", header: t("columns.events"), className: "min-w-40 text-sm" },
            { id: "last", header: t("columns.last"), className: "whitespace-nowrap text-sm" },
            { id: "state", header: t("columns.state"), className: "min-w-32" },
          ]}
          rows={webhooks.map((webhook) => ({
            id: webhook.id,
            sort: { name: webhook.name },
            cells: {
              name: (
                <Link href={`/admin/apps/webhooks/${webhook.id}`} className="text-brand-700 underline">
                  <UserText>{webhook.name}</UserText>
                </Link>
              ),
              url: <UserText>{webhook.url}</UserText>,
              events: webhook.events.join(", "),
              last: webhook.last
                ? `${format.dateTime(webhook.last.createdAt, { dateStyle: "short", timeStyle: "short" })} · ${t(`statuses.${webhook.last.status}`)}`
                : "—",
              state: webhook.disabledAt ? t(webhook.disabledReason === "failures" ? "disabledFailures" : "disabledAdmin") : t("active"),
            },
          }))}
        />
      </Card>
    </>
  );
}
