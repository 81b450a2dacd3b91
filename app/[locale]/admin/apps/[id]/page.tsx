import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CredentialControls } from "@/components/admin/apps/credential-controls";
import { ClientForm } from "@/components/admin/apps/client-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { UserText } from "@/components/ui/user-text";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requireStaffPage } from "@/lib/navigation/staff-pages.server";
import { renewClientSecretAction, setClientDisabledAction } from "@/lib/oidc/actions";
import { getClient } from "@/lib/oidc/clients";
import { issuer } from "@/lib/oidc/provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apps"))("title") };
}

/** One app: its connection details, settings, secret renewal and disabling. */
export default async function AppPage({ params }: PageProps<"/[locale]/admin/apps/[id]">) {
  await enterLocale(params);
  await requireStaffPage("/admin/apps/[id]");
  const { id } = await params;
  const client = await getClient(id);
  if (!client) notFound();
  const [t, format] = await Promise.all([getTranslations("apps"), getFormatter()]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/apps" className="text-brand-700 underline">
          ← {t("title")}
        </Link>
      </p>
      <PageTitle lead={t(`kindHints.${client.kind}`)}>
        <UserText>{client.name}</UserText>
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <ClientForm
            client={{
              id: client.id,
              name: client.name,
              kind: client.kind,
              redirectUris: client.redirectUris.join("\n"),
              postLogoutRedirectUris: client.postLogoutRedirectUris.join("\n"),
              backchannelLogoutUri: client.backchannelLogoutUri ?? "",
              scopes: client.scopes,
              firstParty: client.firstParty,
              rateLimitPerMinute: client.rateLimitPerMinute,
            }}
          />
        </Card>
        <div className="space-y-6">
          <Card title={t("details")}>
            <DescriptionList
              items={[
                { term: t("columns.clientId"), value: <code className="break-all font-mono text-sm">{client.id}</code> },
                { term: t("issuer"), value: <code className="break-all font-mono text-sm">{issuer}</code> },
                {
                  term: t("discovery"),
                  value: <code className="break-all font-mono text-sm">{`${issuer}/.well-known/openid-configuration`}</code>,
                },
                { term: t("columns.state"), value: client.disabledAt ? t("disabled") : t("active") },
                { term: t("activeGrants"), value: format.number(client.activeGrants) },
                {
                  term: t("lastToken"),
                  value: client.lastTokenAt ? format.dateTime(client.lastTokenAt, { dateStyle: "medium", timeStyle: "short" }) : t("never"),
                },
              ]}
            />
          </Card>
          <Card>
            <CredentialControls
              namespace="apps"
              name={client.name}
              disabled={client.disabledAt !== null}
              renew={renewClientSecretAction.bind(null, { id: client.id })}
              disable={setClientDisabledAction.bind(null, { id: client.id, disabled: true })}
              enable={setClientDisabledAction.bind(null, { id: client.id, disabled: false })}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
