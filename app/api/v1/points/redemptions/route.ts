import { defineApiRoute, json, readApiJson } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { redeem } from "@/lib/api/v1/points";
import { idempotencyKeyOf } from "@/lib/api/v1/repairs";
import { ZRedemptionCreate } from "@/lib/api/v1/schemas";

export const POST = defineApiRoute(ENDPOINTS.redeem, async (request, { caller }) => {
  const key = idempotencyKeyOf(request);
  const body = await readApiJson(request, ZRedemptionCreate);
  const result = await redeem(caller.customer!, body, key);
  return json(result, { status: result.replayed ? 200 : 201 });
});
