import { defineApiRoute, json } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { productSymptoms } from "@/lib/api/v1/repairs";

export const GET = defineApiRoute<{ id: string }>(ENDPOINTS.listSymptoms, async (_request, { caller, params, locale }) =>
  json({ data: await productSymptoms(caller.customer!, params.id, locale) }),
);
