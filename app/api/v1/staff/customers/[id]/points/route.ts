import { defineApiRoute, json } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { staffCustomerPoints } from "@/lib/api/v1/staff";

export const GET = defineApiRoute<{ id: string }>(ENDPOINTS.staffCustomerPoints, async (_request, { params, locale }) =>
  json(await staffCustomerPoints(params.id, locale)),
);
