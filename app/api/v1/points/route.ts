import { defineApiRoute, json } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { balance } from "@/lib/api/v1/points";

export const GET = defineApiRoute(ENDPOINTS.getPoints, async (_request, { caller, locale }) =>
  json(await balance(caller.customer!, locale)),
);
