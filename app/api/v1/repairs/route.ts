import { ZPageQuery } from "@/lib/api/paging";
import { defineApiRoute, json, parseInput, queryOf, readApiJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { createRepair, idempotencyKeyOf, listRepairs } from "@/lib/api/v1/repairs";
import { ZRepairCreate } from "@/lib/api/v1/schemas";

export const GET = defineApiRoute(ENDPOINTS.listRepairs, async (request, { caller, locale }) =>
  json(await listRepairs(caller.customer!, parseInput(ZPageQuery, queryOf(request)), locale)),
);

export const POST = defineApiRoute(ENDPOINTS.createRepair, async (request, { caller, locale }) => {
  const key = idempotencyKeyOf(request);
  const body = await readApiJson(request, ZRepairCreate);
  const repair = await createRepair(caller.customer!, body, key, locale);
  return json(repair, { status: 201, headers: { Location: `/api/v1/repairs/${repair.id}` } });
});
