import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppsTabs } from "@/components/admin/apps/apps-tabs";
import { RotateKeyButton } from "@/components/admin/apps/rotate-key-button";
import { PageTitle } from "@/components/page-title";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { UserText } from "@/components/ui/user-text";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { listClients } from "@/lib/oidc/clients";
import { listSigningKeys } from "@/lib/oidc/keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps"))("title") };
}

/** Apps and API (issue 16): the brand's apps of the portal's OpenID provider, and its signing keys. */
export default async function AppsPage({ params }: PageProps<"/[locale]/admin/apps">) {
  await enterLocale(params);
  await requireStaffPage("/admin/apps");
  const [clients, keys, t, format] = await Promise.all([listClients(), listSigningKeys(), getTranslations("apps"), getFormatter()]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <AppsTabs current="clients" />
      <div className="mb-4 flex flex-wrap gap-2">
        <Button asChild>
          <Link href="/admin/apps/new">{t("new")}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/developers">{t("apiDocs")}</Link>
        </Button>
      </div>
      <Card>
        <DataTable
          caption={t("title")}
          empty={t("empty")}
          columns={[
            { id: "name", header: t("columns.name"), className: "min-w-40", sortable: true },
            { id: "kind", header: t("columns.kind"), className: "whitespace-nowrap" },
            { id: "clientId", header: t("columns.clientId"), className: "font-mono text-sm" },
            { id: "scopes", header: t("columns.scopes"), className: "min-w-48 text-sm" },
            { id: "state", header: t("columns.state"), className: "whitespace-nowrap" },
          ]}
          rows={clients.map((client) => ({
            id: client.id,
            sort: { name: client.name },
            cells: {
              name: (
                <Link href={`/admin/apps/${client.id}`} className="text-brand-700 underline">
                  <UserText>{client.name}</UserText>
                </Link>
              ),
              kind: t(`kinds.${client.kind}`),
              clientId: client.id,
              scopes: client.scopes.join(" "),
              state: client.disabledAt ? t("disabled") : t("active"),
            },
          }))}
        />
      </Card>
      <Card title={t("keysTitle")} className="mt-6">
        <p className="mb-3 text-sm text-slate-700">{t("keysLead")}</p>
        <ul className="mb-4 space-y-1 text-sm">
          {keys.map((key) => (
            <li key={key.kid} className="break-all">
              <code className="font-mono">{key.kid}</code> · {format.dateTime(key.createdAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
              {key.retiredAt ? t("keyRetired") : key.signing ? <strong>{t("keySigning")}</strong> : t("keyPublished")}
            </li>
          ))}
        </ul>
        <RotateKeyButton />
      </Card>
    </>
  );
}
