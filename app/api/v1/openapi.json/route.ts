import { openApiDocument } from "@/lib/api/v1/openapi";
import { env } from "@/lib/env";
import { API_CSP } from "@/lib/security/headers";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public: it holds no data). */
export function GET(): Response {
  return Response.json(openApiDocument(env.AUTH_URL.replace(/\/$/, "")), {
    headers: { "Cache-Control": "public, max-age=300", "Content-Security-Policy": API_CSP, "Access-Control-Allow-Origin": "*" },
  });
}
