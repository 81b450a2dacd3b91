import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AcceptPoliciesForm } from "@/components/account/accept-policies-form";
import { PageTitle } from "@/components/page-title";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { requireSignedIn } from "@/lib/auth/permissions.server";
import { policyQuestions, type PolicyQuestion } from "@/lib/consents/current";
import { purposeName, versionSummary } from "@/lib/consents/policies";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("terms"))("title") };
}

/**
 * Asked on the way into My Page: the terms and privacy policy when missing or changed, and optional
 * purposes whose new version needs a new answer. Each shows what changed (the version's summary).
 */
export default async function AcceptTermsPage({ params }: PageProps<"/[locale]/account/terms">) {
  const locale = await enterLocale(params);
  const user = await requireSignedIn();
  const [t, format, { required, optional }] = await Promise.all([getTranslations("terms"), getFormatter(), policyQuestions(user.id)]);
  const changes = (question: PolicyQuestion) => {
    const summary = versionSummary(question.current, locale);
    return (
      <li key={question.purpose.id} className="space-y-1">
        <h2 className="font-semibold">{purposeName(question.purpose, locale)}</h2>
        <p className="text-sm text-slate-600">
          {t("versionLine", {
            version: question.current.version,
            date: format.dateTime(question.current.publishedAt, { dateStyle: "long" }),
          })}
        </p>
        {question.previousVersion && summary && (
          <div className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
            <p className="font-medium">{t("whatChanged")}</p>
            <p className="whitespace-pre-line">{summary}</p>
          </div>
        )}
        <Link href={`/legal/${question.purpose.id}`} target="_blank" className="text-sm text-brand-700 underline">
          {t("readText", { purpose: purposeName(question.purpose, locale) })}
        </Link>
      </li>
    );
  };
  const nothing = required.length + optional.length === 0;
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        {nothing ? (
          <Alert tone="success">{t("done")}</Alert>
        ) : (
          <div className="space-y-6">
            <p>{required.some((question) => question.previousVersion) || optional.length > 0 ? t("leadChanged") : t("lead")}</p>
            <ul className="space-y-4">{[...required, ...optional].map(changes)}</ul>
            <AcceptPoliciesForm
              requiresAcceptance={required.length > 0}
              optional={optional.map((question) => ({ purpose: question.purpose.id, name: purposeName(question.purpose, locale) }))}
            />
          </div>
        )}
      </Card>
    </>
  );
}
