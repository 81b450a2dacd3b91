import { defineApiRoute, json } from "@/lib/api/route";
import { ENDPOINTS } from "@/lib/api/v1/endpoints";
import { staffCustomerProducts } from "@/lib/api/v1/staff";

export const GET = defineApiRoute<{ id: string }>(ENDPOINTS.staffCustomerProducts, async (_request, { params, locale }) =>
  json(await staffCustomerProducts(params.id, locale)),
);
