import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ENDPOINTS, pathParamsOf, type Endpoint } from "./endpoints";
import { ZProblem } from "./schemas";

/**
 * The OpenAPI 3.1 document of the REST API v1, generated from the endpoint table and its zod
 * schemas (@asteasolutions/zod-to-openapi). Served at /api/v1/openapi.json; the reference page
 * (/[locale]/developers/api) renders it.
 */
const PROBLEMS = {
  401: "The access token is missing, invalid, expired or revoked.",
  403: "The token lacks a scope the endpoint needs (WWW-Authenticate names it).",
  404: "Not found: the record does not exist or is not the token's customer's.",
  422: "The input has problems; `errors` names each one.",
  429: "The client's rate limit is used up (see RateLimit and Retry-After).",
} as const;

export function openApiDocument(serverUrl: string): ReturnType<OpenApiGeneratorV31["generateDocument"]> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "portal", {
    type: "oauth2",
    description: "Access tokens of the portal's OpenID provider (opaque; checked on every call).",
    flows: {
      authorizationCode: {
        authorizationUrl: `${serverUrl}/oidc/auth`,
        tokenUrl: `${serverUrl}/oidc/token`,
        refreshUrl: `${serverUrl}/oidc/token`,
        scopes: scopeDescriptions(),
      },
      clientCredentials: { tokenUrl: `${serverUrl}/oidc/token`, scopes: scopeDescriptions() },
    },
  });
  const problem = ZProblem;
  for (const [operationId, endpoint] of Object.entries(ENDPOINTS) as [string, Endpoint][]) {
    const errors = Object.fromEntries(
      Object.entries(PROBLEMS).map(([status, description]) => [
        status,
        { description, content: { "application/problem+json": { schema: problem } } },
      ]),
    );
    registry.registerPath({
      operationId,
      method: endpoint.method,
      path: endpoint.path,
      summary: endpoint.summary,
      security: [{ portal: [...endpoint.scopes] }],
      request: {
        params: pathParamsOf(endpoint),
        query: endpoint.query,
        headers: endpoint.idempotent
          ? z.object({
              "Idempotency-Key": z.string().min(8).max(64).meta({ description: "A retry with the same key changes nothing twice." }),
            })
          : undefined,
        body: endpoint.body ? { required: true, content: { "application/json": { schema: endpoint.body } } } : undefined,
      },
      responses: {
        [endpoint.response.status]: {
          description: endpoint.response.description,
          ...(endpoint.response.schema ? { content: { "application/json": { schema: endpoint.response.schema } } } : {}),
        },
        ...errors,
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Owners Portal API",
      version: "1.0.0",
      description:
        "Products, warranties, repair requests and points of the customer a token acts for. Errors are RFC 9457 problem details; lists use cursor paging (`limit`, `cursor`, `nextCursor`); every answer carries RateLimit headers.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
  });
}

function scopeDescriptions(): Record<string, string> {
  return {
    "products:read": "Read the customer's registered products.",
    "warranty:read": "Read warranties and why they hold.",
    "repairs:read": "Read the customer's repair requests.",
    "repairs:write": "Open repair requests and answer the desk.",
    "points:read": "Read the points balance, history and rewards.",
    "points:redeem": "Exchange points for rewards (confirmed by the customer every time).",
    "staff:products:read": "Server to server: read any customer's products.",
    "staff:repairs:read": "Server to server: read every repair request.",
    "staff:points:read": "Server to server: read any customer's points balance.",
  };
}
