import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Liveness + database check for load balancers: 200 when PostgreSQL answers, 503 otherwise. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
