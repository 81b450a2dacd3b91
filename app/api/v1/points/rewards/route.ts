import { defineApiRoute, json } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { rewards } from "@/lib/api/v1/points";

export const GET = defineApiRoute(ENDPOINTS.listRewards, async (_request, { caller, locale }) =>
  json({ data: await rewards(caller.customer!, locale) }),
);
