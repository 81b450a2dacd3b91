import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { ENDPOINTS, type Endpoint } from "@/lib/api/v1/endpoints";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { env } from "@/lib/env";
import { enterLocale } from "@/lib/i18n/page";
import { issuer } from "@/lib/oidc/provider";
import { scopeMessageKey, type PortalScope } from "@/lib/oidc/scopes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("developers"))("title") };
}

const PROBLEM_CODES = [
  "invalid_token",
  "unauthenticated",
  "insufficient_scope",
  "not_found",
  "validation",
  "conflict",
  "rate_limited",
  "internal",
] as const;

/**
 * The API reference (issue 16), rendered on the server from the same OpenAPI document that
 * /api/v1/openapi.json serves: how to get a token, each endpoint with its scopes, inputs and
 * answers (JSON Schema), and the problem types the errors link to (#problem-<code>).
 */
export default async function DevelopersPage({ params }: PageProps<"/[locale]/developers">) {
  await enterLocale(params);
  const [t, to] = await Promise.all([getTranslations("developers"), getTranslations("oidc")]);
  const base = env.AUTH_URL.replace(/\/$/, "");
  const document = openApiDocument(base);
  const schemas = document.components?.schemas ?? {};
  const code = "rounded bg-slate-100 px-1 font-mono text-sm";
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("lead")}</p>
        <ul className="mt-4 list-disc space-y-1 pl-5 text-sm">
          <li>
            {t("openapi")}{" "}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
          </li>
          <li>
            {t("discovery")} <code className={`${code} break-all`}>{`${issuer}/.well-known/openid-configuration`}</code>
          </li>
          <li>
            {t("server")} <code className={`${code} break-all`}>{`${base}/api/v1`}</code>
          </li>
        </ul>

        <h2 className="mt-8 text-xl font-semibold">{t("tokensTitle")}</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t("tokensWeb")}</li>
          <li>{t("tokensAgent")}</li>
          <li>{t("tokensService")}</li>
          <li>{t("tokensConventions")}</li>
        </ul>

        <h2 className="mt-8 text-xl font-semibold">{t("endpointsTitle")}</h2>
        {(Object.entries(ENDPOINTS) as [string, Endpoint][]).map(([name, endpoint]) => (
          <section key={name} id={name} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-mono text-base font-semibold break-all">
              <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 text-xs text-white uppercase">{endpoint.method}</span>
              /api/v1{endpoint.path}
            </h3>
            <p className="mt-2">{t(`operations.${name}` as "operations.listProducts")}</p>
            <p className="mt-2 text-sm">
              {t("scopes")}{" "}
              {endpoint.scopes.map((scope) => (
                <span key={scope} className="mr-2">
                  <code className={code}>{scope}</code> ({to(`scopes.${scopeMessageKey(scope as PortalScope)}.name`)})
                </span>
              ))}
            </p>
            {endpoint.idempotent && <p className="mt-1 text-sm">{t("idempotent")}</p>}
            {endpoint.query && <p className="mt-1 text-sm">{t("paged")}</p>}
            {endpoint.body && (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer font-medium">{t("body")}</summary>
                <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                  {JSON.stringify(bodySchema(document, endpoint), null, 2)}
                </pre>
              </details>
            )}
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer font-medium">{t("answer", { status: endpoint.response.status })}</summary>
              <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                {JSON.stringify(answerSchema(document, endpoint) ?? t("noBody"), null, 2)}
              </pre>
            </details>
          </section>
        ))}

        <h2 className="mt-8 text-xl font-semibold">{t("schemasTitle")}</h2>
        {Object.entries(schemas).map(([schemaName, schema]) => (
          <details key={schemaName} id={`schema-${schemaName}`} className="mt-2 text-sm">
            <summary className="cursor-pointer font-mono">{schemaName}</summary>
            <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}

        <h2 className="mt-8 text-xl font-semibold">{t("problemsTitle")}</h2>
        <p className="mt-2 text-sm">{t("problemsLead")}</p>
        <dl className="mt-2 space-y-2 text-sm">
          {PROBLEM_CODES.map((problem) => (
            <div key={problem} id={`problem-${problem}`}>
              <dt className="font-mono font-semibold">{problem}</dt>
              <dd>{t(`problems.${problem}`)}</dd>
            </div>
          ))}
        </dl>
      </main>
    </>
  );
}

type Document = ReturnType<typeof openApiDocument>;

function operationOf(document: Document, endpoint: Endpoint) {
  return document.paths?.[endpoint.path]?.[endpoint.method];
}

function bodySchema(document: Document, endpoint: Endpoint): unknown {
  const body = operationOf(document, endpoint)?.requestBody;
  return body && "content" in body ? body.content["application/json"]?.schema : undefined;
}

function answerSchema(document: Document, endpoint: Endpoint): unknown {
  const answer = operationOf(document, endpoint)?.responses?.[String(endpoint.response.status)];
  return answer && "content" in answer ? answer.content?.["application/json"]?.schema : undefined;
}
