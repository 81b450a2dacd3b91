import { checkHealth } from "@/lib/health";
import { withDefaultCsp } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

/** Liveness + database check for load balancers: 200 when PostgreSQL answers, 503 otherwise. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return withDefaultCsp(
    Response.json(health, {
      status: health.status === "ok" ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    }),
  );
}
