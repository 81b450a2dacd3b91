import { defineApiRoute, json } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { getRepair } from "@/lib/api/v1/repairs";

export const GET = defineApiRoute<{ id: string }>(ENDPOINTS.getRepair, async (_request, { caller, params, locale }) =>
  json(await getRepair(caller.customer!, params.id, locale)),
);
